// The revocation preview as plain data, shaped to serialise straight to the `preview` JSON of
// the README, "Command line": the entries with their matches and warnings, then every certificate of the inventory
// in exactly one of `revoked`, `notRevocable` and `kept`.
//
// An entry is identified everywhere by `{document, index}`: `document` counts the file's
// RenewRevocation manifests from 0 (each item of a List is one; `item` says which) and `index` the
// entries of that manifest from 0, the same two fields each record of `entries` carries. A bare
// number would be ambiguous as soon as a file holds two manifests; the pair reads the same in a
// one-document file and joins on `entries`.
import type {
  CertificateSource,
  InventoryProblem,
  InventoryProblemCode,
  InventorySnapshot,
} from '../inventory/inventory';
import { VALUE_FIELDS, type EntryModel, type FieldRef, type ManifestModel } from '../manifest/manifestModel';
import { manifestPlace } from '../parse/manifestPlace';
import { entriesHitting, isRevocable, matchFile, type EntryMatch, type MatchResult } from './matcher';
import { matchIndexFor } from './matchIndex';
import {
  kubeletServerCertWarning,
  matchesCaWarning,
  matchesNothingWarning,
  MISSING_NOT_BEFORE_WARNING,
  type PreviewWarning,
} from './previewWarnings';
import { plural } from '../text/plural';

export type { PreviewWarning, PreviewWarningCode } from './previewWarnings';

export interface PreviewEntryRef {
  document: number;
  index: number;
}

export interface PreviewEntry extends PreviewEntryRef {
  /** The entry's manifest: its position in a List's `items` (null when it is a document of its own). */
  item: number | null;
  /** The manifest's `metadata.name` and `metadata.namespace` as written; null when missing. */
  name: string | null;
  namespace: string | null;
  /** `kind` as written; null when missing. */
  kind: string | null;
  /** The value field as written (`serialNumber`, `group`, `dns` or `ip`); null when missing. */
  value: string | null;
  /** `notBefore` as written; null when missing. */
  notBefore: string | null;
  /** SHA-256 fingerprints of every certificate the entry matches, not revocable ones included, in inventory order. */
  matches: string[];
  /** What to look at before applying the entry, each with its code (previewWarnings.ts). */
  warnings: PreviewWarning[];
}

export interface PreviewCertificate {
  serialNumber: string;
  subject: string;
  issuer: string;
  commonName: string | null;
  organizations: readonly string[];
  notBefore: string;
  notAfter: string;
  dnsNames: readonly string[];
  ipAddresses: readonly string[];
  sha256Fingerprint: string;
  isCA: boolean;
  /** Every path the certificate was found at, each once, sorted. */
  sources: string[];
  /** Every place it was found (path, block index, text offset): what a viewer opens. */
  locations: readonly CertificateSource[];
  /** The entries that match it; empty for kept certificates. Shared objects: read only. */
  entries: readonly PreviewEntryRef[];
}

export interface PreviewProblem {
  path: string;
  code: InventoryProblemCode;
  message: string;
}

export interface RevocationPreview {
  /** Distinct certificates of the inventory: revoked + notRevocable + kept. */
  certificatesScanned: number;
  entries: PreviewEntry[];
  revoked: PreviewCertificate[];
  /** Kubelet serving certificates that entries match: AKS hybrid cannot revoke them. */
  notRevocable: PreviewCertificate[];
  kept: PreviewCertificate[];
  /** What the preview can and cannot tell (its reach); every output format shows these. */
  notes: string[];
  /** Files skipped and blocks that did not decode: certificates the preview could not see. */
  problems: PreviewProblem[];
}

// In words.ts (no imports), so that report formatters bundled into the VS Code client stay small.

/** The reach note every preview carries. */
export function inventoryReachNote(certificatesScanned: number): string {
  return (
    `This preview covers the ${plural(certificatesScanned, 'certificate')} of the inventory only: ` +
    'matching certificates outside it (most of a live cluster’s) are revoked as well.'
  );
}

function written(field: FieldRef | undefined): string | null {
  if (!field) return null;
  if (typeof field.value === 'string') return field.value;
  return field.source ?? null;
}

/** The value field as written: the kind's own, else whichever value field the entry carries. */
function writtenValue(entry: EntryModel): string | null {
  const field =
    entry.valueField ?? entry.fields.find((candidate) => (VALUE_FIELDS as readonly string[]).includes(candidate.key));
  return written(field);
}

/** The warnings of one entry, with the words the preview shows. */
export function entryWarnings(match: EntryMatch): PreviewWarning[] {
  const target = match.target;
  if (!target.ok) return [matchesNothingWarning(target.reason)];
  const warnings: PreviewWarning[] = [];
  if (target.notBeforeCutoff === undefined && target.kind !== 'serialnumber') warnings.push(MISSING_NOT_BEFORE_WARNING);
  if (match.ca > 0) warnings.push(matchesCaWarning(match.ca));
  if (match.notRevocable > 0) warnings.push(kubeletServerCertWarning(match.notRevocable));
  return warnings;
}

/** Each path once, sorted. */
function sourcePaths(sources: readonly CertificateSource[]): string[] {
  if (sources.length === 1) return [sources[0].path];
  return [...new Set(sources.map((source) => source.path))].sort();
}

export function buildPreview(result: MatchResult, problems: readonly InventoryProblem[] = []): RevocationPreview {
  const { index } = result;
  const fingerprints = (ordinals: Int32Array): string[] => {
    const list = new Array<string>(ordinals.length);
    for (let i = 0; i < ordinals.length; i++) list[i] = index.certificates[ordinals[i]].certificate.sha256Fingerprint;
    return list;
  };
  const entries: PreviewEntry[] = result.entries.map((match) => ({
    document: match.document,
    index: match.index,
    item: manifestPlace(match.manifest).item,
    name: manifestPlace(match.manifest).name,
    namespace: manifestPlace(match.manifest).namespace,
    kind: written(match.entry.kindField),
    value: writtenValue(match.entry),
    notBefore: written(match.entry.notBefore),
    matches: fingerprints(match.matches),
    warnings: entryWarnings(match),
  }));
  // One reference object per entry, shared by every certificate it hits (a broad entry hits thousands).
  const references: PreviewEntryRef[] = result.entries.map((match) => ({
    document: match.document,
    index: match.index,
  }));
  const revoked: PreviewCertificate[] = [];
  const notRevocable: PreviewCertificate[] = [];
  const kept: PreviewCertificate[] = [];
  index.certificates.forEach((found, ordinal) => {
    const hits = entriesHitting(result, ordinal);
    const { certificate } = found;
    // The record shares the inventory's arrays (read only): 100,000 certificates, no copies.
    const record: PreviewCertificate = {
      serialNumber: certificate.serialNumber,
      subject: certificate.subject,
      issuer: certificate.issuer,
      commonName: certificate.commonName ?? null,
      organizations: certificate.organizations,
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      dnsNames: certificate.dnsNames,
      ipAddresses: certificate.ipAddresses,
      sha256Fingerprint: certificate.sha256Fingerprint,
      isCA: certificate.isCA,
      sources: sourcePaths(found.sources),
      locations: found.sources,
      entries: Array.from(hits, (position) => references[position]),
    };
    if (hits.length === 0) kept.push(record);
    else if (isRevocable(index, ordinal)) revoked.push(record);
    else notRevocable.push(record);
  });
  const notes = [inventoryReachNote(index.certificates.length)];
  if (problems.length > 0) {
    notes.push(
      `${plural(problems.length, 'file or block', 'files or blocks')} could not be read: their certificates are not in this preview (see problems).`,
    );
  }
  return {
    certificatesScanned: index.certificates.length,
    entries,
    revoked,
    notRevocable,
    kept,
    notes,
    problems: problems.map((problem) => ({ path: problem.path, code: problem.code, message: problem.message })),
  };
}

/** The preview of a parsed file's manifests against an inventory version: what the CLI and the custom request return. */
export function previewRevocation(
  file: { manifests: readonly ManifestModel[] },
  inventory: InventorySnapshot,
): RevocationPreview {
  return buildPreview(matchFile(file, matchIndexFor(inventory)), inventory.problems);
}

/** The `--fail-on` conditions of `renew-revocation preview`. */
export interface PreviewConditions {
  /** A CA certificate is revoked. */
  ca: boolean;
  /** An entry matches a certificate AKS hybrid cannot revoke. */
  notRevocable: boolean;
  /** Anything is revoked. */
  any: boolean;
}

export function previewConditions(preview: RevocationPreview): PreviewConditions {
  return {
    ca: preview.revoked.some((certificate) => certificate.isCA),
    notRevocable: preview.notRevocable.length > 0,
    any: preview.revoked.length > 0,
  };
}
