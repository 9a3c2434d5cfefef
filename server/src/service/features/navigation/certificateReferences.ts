// Find references on a certificate (a PEM block, a Secret's `tls.crt`, a kubeconfig's certificate
// data, in any document): the manifest entries that match it. The certificate is read with the
// lean reader and indexed on its own, so it need not be in the inventory, and each manifest is
// matched against that one-certificate index exactly as against the inventory.
import { matchManifests } from '../../match/matcher';
import { buildMatchIndex } from '../../match/matchIndex';
import type { FileModel } from '../../parse/fileModel';
import type { Position, Range } from '../../types';
import type { CertificateSummary } from '../../x509/certificateSummary';
import { sha256Hex } from '../../x509/digest';
import { readCertificateSummary } from '../../x509/leanCertificate';
import { blocksAt } from '../../x509/modelCertificates';

/** The certificates under the position (one YAML value may hold a bundle); [] elsewhere. */
export function certificatesAt(file: FileModel, position: Position): CertificateSummary[] {
  const offset = file.lineIndex.offsetAt(position);
  const found: CertificateSummary[] = [];
  for (const { block } of blocksAt(file, offset)) {
    if (block.kind !== 'certificate' || !block.bytes) continue;
    const summary = readCertificateSummary(block.bytes, sha256Hex);
    if (!('error' in summary)) found.push(summary);
  }
  return found;
}

export interface EntryReference {
  /** Position of the manifest file in the list handed in. */
  file: number;
  /** The entry's value (or kind, or the entry itself when it has neither). */
  range: Range;
}

/** The entries of `manifests` that match any of the certificates, file by file in text order. */
export function findCertificateReferences(
  certificates: readonly CertificateSummary[],
  manifests: readonly FileModel[],
): EntryReference[] {
  if (certificates.length === 0) return [];
  const index = buildMatchIndex({
    version: 0,
    certificates: certificates.map((certificate) => ({ certificate, sources: [] })),
    problems: [],
  });
  const references: EntryReference[] = [];
  manifests.forEach((model, file) => {
    if (model.manifests.length === 0) return;
    for (const { entry, matches } of matchManifests(model.manifests, index).entries) {
      if (matches.length > 0)
        references.push({ file, range: model.lineIndex.range(entry.anchorStart, entry.anchorEnd) });
    }
  });
  return references;
}
