// Revoking given certificates by serial number in a manifest: which ones get a new entry, which
// ones an entry of the file already revokes (and which entry), and which ones a serial entry
// cannot revoke (a kubelet serving certificate, a CA, one issued at or after the chosen notBefore).
// The edit adds the new entries at the end of the target manifest's `spec.revocations`.
import type { InventoryCertificate, InventorySnapshot } from '../../inventory/inventory';
import type { EntryModel, ManifestModel } from '../../manifest/manifestModel';
import { buildMatchIndex, certificateTime, isKubeletServingCertificate } from '../../match/matchIndex';
import { entriesHitting, matchManifests } from '../../match/matcher';
import type { FileModel } from '../../parse/fileModel';
import { manifestPlace, placeName } from '../../parse/manifestPlace';
import type { OffsetEdit } from '../../rules/ruleTypes';
import { certificateName, serialEntryDraft, type RevocationEntryDraft } from './entryDraft';
import { spliceRevocations } from './spliceRevocations';

export interface RevokeOptions {
  /** RFC 3339 UTC, whole seconds: the `notBefore` of every new entry. */
  notBefore: string;
  /** How a source path is shown in descriptions (the editor: relative to the workspace). */
  displayPath?: (path: string) => string;
}

export interface AlreadyRevoked {
  certificate: InventoryCertificate;
  /** The first entry of the file that revokes it. */
  entry: EntryModel;
  manifest: ManifestModel;
  /** `entry #2 (line 14) of kube-system/revoke-nodes`. */
  label: string;
}

export type RefusalReason = 'kubelet-serving' | 'ca' | 'issued-after-not-before';

export interface RefusedCertificate {
  certificate: InventoryCertificate;
  reason: RefusalReason;
  message: string;
}

export interface RevokePlan {
  added: Array<{ certificate: InventoryCertificate; draft: RevocationEntryDraft }>;
  alreadyRevoked: AlreadyRevoked[];
  refused: RefusedCertificate[];
  /** The edit that adds `added`; undefined when there is nothing to add, or the manifest cannot be edited (`error`). */
  edit: OffsetEdit | undefined;
  /** The text after the edit (the file's text when nothing is added). */
  text: string;
  /** Why the manifest could not be edited. */
  error?: string;
}

/** `entry #2 (line 14) of kube-system/revoke-nodes`: numbered within its manifest, from 1. */
export function entryLabel(file: FileModel, manifest: ManifestModel, entry: EntryModel): string {
  const line = file.lineIndex.positionAt(entry.start).line + 1;
  return `entry #${entry.index + 1} (line ${line}) of ${placeName(manifestPlace(manifest))}`;
}

/** Why a serial entry cannot revoke this certificate, or undefined when it can. */
export function refusal(certificate: InventoryCertificate, notBeforeMs: number): RefusedCertificate | undefined {
  const summary = certificate.certificate;
  const name = certificateName(summary);
  if (isKubeletServingCertificate(summary))
    return {
      certificate,
      reason: 'kubelet-serving',
      message: `${name} (serial ${summary.serialNumber}) is a kubelet serving certificate, which AKS hybrid cannot revoke`,
    };
  if (summary.isCA)
    return {
      certificate,
      reason: 'ca',
      message: `${name} (serial ${summary.serialNumber}) is a CA certificate: revoking it refuses every certificate it issued; write that entry by hand if you mean it`,
    };
  if (certificateTime(summary.notBefore) >= notBeforeMs)
    return {
      certificate,
      reason: 'issued-after-not-before',
      message: `${name} (serial ${summary.serialNumber}) was issued at ${summary.notBefore}, not before the entry's notBefore: an entry revokes only certificates issued strictly before its notBefore`,
    };
  return undefined;
}

/** The certificates as an inventory of their own, to match the file's entries against. */
function snapshotOf(certificates: readonly InventoryCertificate[]): InventorySnapshot {
  return { version: 0, certificates, problems: [] };
}

/**
 * Plans revoking `certificates` (distinct, by fingerprint) in `target`, a manifest of `file`:
 * entries of any manifest of the file that already revoke one are named, and the rest get one
 * serial-number entry each, in the order given.
 */
export function planRevocation(
  file: FileModel,
  target: ManifestModel,
  certificates: readonly InventoryCertificate[],
  options: RevokeOptions,
): RevokePlan {
  const notBeforeMs = Date.parse(options.notBefore);
  const index = buildMatchIndex(snapshotOf(certificates));
  const matched = matchManifests(file.manifests, index);
  const plan: RevokePlan = { added: [], alreadyRevoked: [], refused: [], edit: undefined, text: file.text };
  const seenSerials = new Set<string>();
  index.certificates.forEach((certificate, ordinal) => {
    const hitting = entriesHitting(matched, ordinal);
    // An entry that matches a kubelet serving certificate does not revoke it: that one is refused below.
    if (hitting.length > 0 && index.kubeletServing[ordinal] === 0) {
      const { entry, manifest } = matched.entries[hitting[0]];
      plan.alreadyRevoked.push({ certificate, entry, manifest, label: entryLabel(file, manifest, entry) });
      return;
    }
    const refused = refusal(certificate, notBeforeMs);
    if (refused) {
      plan.refused.push(refused);
      return;
    }
    // Two certificates with one serial (two issuers) are revoked by one entry.
    if (seenSerials.has(certificate.certificate.serialNumber)) return;
    seenSerials.add(certificate.certificate.serialNumber);
    plan.added.push({ certificate, draft: serialEntryDraft(certificate, options.notBefore, options.displayPath) });
  });
  if (plan.added.length === 0) return plan;
  const spliced = spliceRevocations(
    file,
    target,
    target.entries.length,
    0,
    plan.added.map((added) => added.draft),
  );
  if (!spliced.ok) return { ...plan, error: spliced.reason };
  return { ...plan, edit: spliced.edit, text: spliced.text };
}
