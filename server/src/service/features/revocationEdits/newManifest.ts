// A new RenewRevocation manifest that revokes given certificates by serial number: the manifest's
// frame, written by the `yaml` package, then the entries added as any manifest gets them
// (revokeCertificates.ts), so a new manifest and an edited one read alike.
import { Document } from 'yaml';
import type { InventoryCertificate } from '../../inventory/inventory';
import { parseFile } from '../../parse/fileModel';
import { planRevocation, type RevokeOptions, type RevokePlan } from './revokeCertificates';

export interface NewManifestOptions extends RevokeOptions {
  name: string;
  namespace: string;
}

export const DEFAULT_MANIFEST_NAME = 'revoke-certificates';
export const DEFAULT_MANIFEST_NAMESPACE = 'kube-system';

/** The manifest without entries (`revocations: []`), which the plan fills. */
export function emptyManifestText(name: string, namespace: string): string {
  const document = new Document({
    apiVersion: 'certificates.microsoft.com/v1',
    kind: 'RenewRevocation',
    metadata: { name, namespace },
    spec: { description: 'Certificates revoked by serial number', revocations: [] },
  });
  document.commentBefore =
    ' Revokes each certificate by its serial number: `kubectl apply -f` this file to revoke them.\n' +
    ' notBefore limits each entry to certificates issued before that instant.';
  return document.toString({ indentSeq: false, lineWidth: 0 });
}

/** The plan of a new manifest revoking `certificates`; its `text` is the manifest. */
export function newRevocationManifest(
  certificates: readonly InventoryCertificate[],
  options: NewManifestOptions,
): RevokePlan {
  const file = parseFile(emptyManifestText(options.name, options.namespace));
  return planRevocation(file, file.manifests[0], certificates, options);
}
