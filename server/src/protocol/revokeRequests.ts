// The requests behind "RenewRevocation: Revoke Certificate…": the certificates a client can offer
// (the whole inventory, or the certificates of one file), and the revocation itself, answered as
// a WorkspaceEdit the client applies as one undoable edit (or the text of a new manifest).
import type { Range } from '../service';

/** The command, in VS Code and in the hover's command links: argument `RevokeCommandArgs` or none (pick from the inventory). */
export const REVOKE_COMMAND = 'renewRevocation.revokeCertificate';

export interface RevokeCommandArgs {
  /** SHA-256 fingerprints (lowercase hex) of the certificates to revoke. */
  fingerprints?: string[];
  /** The file the certificates are in, when they may not be in the inventory (an unsaved editor, a decoded view's source). */
  uri?: string;
  /** The initial text of the quick pick's search box. */
  search?: string;
}

/** A file's bytes, for certificates outside the inventory: the client reads the file (or the open editor's text). */
export interface CertificateSource {
  uri: string;
  base64: string;
}

/**
 * `renewRevocation/certificates` (client → server request): the certificates to choose from,
 * those of `source` when given, else every certificate of the inventory.
 */
export const CERTIFICATES_REQUEST = 'renewRevocation/certificates';

export interface CertificatesParams {
  source?: CertificateSource;
}

export interface CertificateItem {
  fingerprint: string;
  /** `CN=…`, or the subject when it has no CN. */
  name: string;
  subject: string;
  issuer: string;
  /** Canonical: lowercase hex, no leading zeros. */
  serialNumber: string;
  /** The subject's O values: the groups a kubelet or user certificate puts its holder in. */
  groups: string[];
  dnsNames: string[];
  ipAddresses: string[];
  /** Where it was found, as the workspace shows paths. */
  paths: string[];
  notAfter: string;
  isCA: boolean;
  /** A kubelet serving certificate, which AKS hybrid cannot revoke. */
  notRevocable: boolean;
}

export interface CertificatesResult {
  certificates: CertificateItem[];
}

/**
 * `renewRevocation/revokeCertificates` (client → server request): serialnumber entries for the
 * certificates, added at the end of the manifest open at `target.uri` (the `target.manifest`-th
 * RenewRevocation manifest of the file, from 0; default the first), or a new manifest.
 */
export const REVOKE_CERTIFICATES_REQUEST = 'renewRevocation/revokeCertificates';

export interface RevokeCertificatesParams {
  fingerprints: string[];
  source?: CertificateSource;
  /** RFC 3339 UTC: the notBefore of every new entry. */
  notBefore: string;
  target: { uri: string; manifest?: number } | { newManifest: { name?: string; namespace?: string } };
}

export interface RevokedCertificate {
  name: string;
  serialNumber: string;
}

export interface RevokeCertificatesResult {
  /** The edit of the target manifest (LSP WorkspaceEdit `changes`), when entries were added to one. */
  changes?: Record<string, Array<{ range: Range; newText: string }>>;
  /** The new manifest, when the target was one. */
  newManifestText?: string;
  added: RevokedCertificate[];
  /** Certificates an entry of the file already revokes: `entry` names it (`entry #2 (line 14) of kube-system/x`). */
  alreadyRevoked: Array<RevokedCertificate & { entry: string }>;
  /** Why other certificates were not revoked, one sentence each. */
  refused: string[];
  /** Why nothing could be done (the manifest is not open, not found, not editable). */
  error?: string;
}
