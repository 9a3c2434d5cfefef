// Where a certificate of the inventory was found, as a navigation target: each source's path and
// the 0-based line of its block (the BEGIN line of a PEM block, the line of a Secret's or a
// kubeconfig's data value; line 0 for a binary DER file). The host turns paths into URIs.
import type { InventoryCertificate } from '../../inventory/inventory';

export interface CertificatePlace {
  /** The inventory path (the host's key for the file). */
  path: string;
  line: number;
}

/** Every place the certificate was found, in the inventory's (path, block) order. */
export function placesOf(certificate: InventoryCertificate): CertificatePlace[] {
  return certificate.sources.map((source) => ({ path: source.path, line: source.line ?? 0 }));
}
