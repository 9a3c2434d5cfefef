// Runs the preview the way the server and the CLI will: certificates into an inventory, manifest
// text through the real parser, then the matcher; results read back by certificate name.
import { CertificateInventory } from '../../../server/src/service/inventory/inventory';
import { matchIndexFor } from '../../../server/src/service/match/matchIndex';
import { matchFile, type MatchResult } from '../../../server/src/service/match/matcher';
import { buildPreview, type RevocationPreview } from '../../../server/src/service/match/preview';
import { parseFile, type FileModel } from '../../../server/src/service/parse/fileModel';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';
import { nameOf } from './certificateSummaries';

export type EntryFields = Record<string, string | number | null>;

/** One RenewRevocation document; string values are written double-quoted, others plain. */
export function manifestDocument(entries: readonly EntryFields[]): string {
  const lines = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: test',
    'spec:',
    '  revocations:',
  ];
  for (const entry of entries) {
    Object.entries(entry).forEach(([key, value], i) => {
      const written = typeof value === 'string' ? JSON.stringify(value) : value === null ? '' : String(value);
      lines.push(`${i === 0 ? '  - ' : '    '}${key}: ${written}`.trimEnd());
    });
  }
  return `${lines.join('\n')}\n`;
}

export function inventoryOf(files: Record<string, readonly CertificateSummary[]>): CertificateInventory {
  const inventory = new CertificateInventory();
  for (const [path, certificates] of Object.entries(files)) {
    inventory.setFile(path, { certificates: certificates.map((certificate, index) => ({ certificate, index })) });
  }
  return inventory;
}

export interface Run {
  file: FileModel;
  result: MatchResult;
  preview: RevocationPreview;
}

export function runPreview(certificates: readonly CertificateSummary[] | CertificateInventory, text: string): Run {
  const inventory =
    certificates instanceof CertificateInventory ? certificates : inventoryOf({ 'pki.pem': certificates });
  const snapshot = inventory.snapshot();
  const file = parseFile(text);
  const result = matchFile(file, matchIndexFor(snapshot));
  return { file, result, preview: buildPreview(result, snapshot.problems) };
}

/** The names of the certificates an entry matches, sorted. */
export function matchedBy(run: Run, position: number): string[] {
  return run.preview.entries[position].matches.map(nameOf).sort();
}

/** Names in each class of the preview, sorted. */
export function classes(preview: RevocationPreview): { revoked: string[]; notRevocable: string[]; kept: string[] } {
  const names = (list: readonly { sha256Fingerprint: string }[]) => list.map((c) => nameOf(c.sha256Fingerprint)).sort();
  return { revoked: names(preview.revoked), notRevocable: names(preview.notRevocable), kept: names(preview.kept) };
}

/** What one entry of a one-entry-per-value manifest matches, for each value. */
export function matchEach(
  certificates: readonly CertificateSummary[],
  kind: string,
  field: string,
  values: readonly string[],
  extra: EntryFields = {},
): string[][] {
  const run = runPreview(certificates, manifestDocument(values.map((value) => ({ kind, [field]: value, ...extra }))));
  return values.map((_, position) => matchedBy(run, position));
}
