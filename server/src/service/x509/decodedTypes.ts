// The records the full decoder produces: plain objects in the canonical forms of docs/MATCHING.md, "Canonical forms", shared
// by the hover, the diagnostics, the decoded view and `renew-revocation decode`. A key's record
// carries its type and size or curve only: no field here can hold key material.
import type { CertificateSummary } from './certificateSummary';

export type ExpiryState = 'valid' | 'expiring' | 'expired' | 'not-yet-valid';

export interface PublicKeySummary {
  /** `RSA`, `EC`, `Ed25519`, `Ed448`… (or the algorithm OID). */
  algorithm: string;
  /** RSA modulus bits. */
  size?: number;
  /** `P-256`, `P-384`, `P-521`… */
  curve?: string;
  /** The algorithm identifier reads but the key itself does not (a note says why). */
  malformed?: true;
}

/**
 * A SAN entry of a kind we match on that holds no usable value: an iPAddress that is not 4 or 16
 * octets (8 and 32 are an address and mask, which only name constraints may carry), a dNSName
 * that is not ASCII. It is shown, never matched.
 */
export interface InvalidSanEntry {
  type: 'DNS' | 'IP';
  /** The entry's content octets, lowercase hex. */
  hex: string;
  /** A dNSName's octets read as UTF-8, when they are valid UTF-8. */
  text?: string;
  /** Why it is not a name or address, for people. */
  reason: string;
}

export interface ExtensionSummary {
  oid: string;
  /** Short name (`subjectAltName`…), or the OID when unknown. */
  name: string;
  critical: boolean;
}

/** Clock-free facts of a certificate: decoded once per DER, expiry added per clock. */
export interface CertificateFacts extends CertificateSummary {
  kind: 'certificate';
  /** X.509 version: 1, 2 or 3. */
  version: number;
  sha1Fingerprint: string;
  publicKey: PublicKeySummary;
  /** RFC 5280 names, in the order of the bit string. */
  keyUsage: string[];
  /** As openssl names it: `sha256WithRSAEncryption`, `ecdsa-with-SHA384`, `ED25519`… */
  signatureAlgorithm: string;
  /** The basicConstraints extension, when present. */
  basicConstraints: { isCA: boolean; pathLength: number | undefined } | undefined;
  /** Lowercase hex, no separators. */
  subjectKeyIdentifier: string | undefined;
  authorityKeyIdentifier: string | undefined;
  /** SAN entries that are neither DNS names nor IP addresses: `email:…`, `URI:…`, `DirName:…`. */
  otherNames: string[];
  /** dNSName and iPAddress entries that are not a DNS name or an address (kept out of dnsNames and ipAddresses). */
  invalidSanEntries: InvalidSanEntry[];
  /** What `authentication.kubernetes.io/credential-id` shows in audit logs: `X509SHA256=<sha256>`. */
  auditIdentity: string;
  extensions: ExtensionSummary[];
  /** Things a reader should know (a negative serial, an unknown critical extension…). */
  notes: string[];
}

export interface DecodedCertificate extends CertificateFacts {
  expiry: ExpiryState;
  /** Whole days from the clock to notAfter (negative once expired). */
  daysToExpiry: number;
}

export interface DecodedCsr {
  kind: 'csr';
  subject: string;
  commonName: string | undefined;
  organizations: string[];
  dnsNames: string[];
  ipAddresses: string[];
  otherNames: string[];
  invalidSanEntries: InvalidSanEntry[];
  publicKey: PublicKeySummary;
  signatureAlgorithm: string;
  notes: string[];
}

export interface DecodedKey {
  kind: 'key';
  /** `RSA`, `EC`, `Ed25519`, `Ed448`, `DSA`, `encrypted`, `OpenSSH`… */
  keyType: string;
  size?: number;
  curve?: string;
  /** A private key (or an encrypted one), as opposed to a public key. */
  isPrivate: boolean;
  /** How it is stored: `PKCS#8`, `PKCS#1`, `SEC1`, `SubjectPublicKeyInfo`… (no secret in it). */
  format: string;
}

export type DecodedRecord = DecodedCertificate | DecodedCsr | DecodedKey;

/** A block that does not decode, with why, or one whose label we do not decode (`X509 CRL`). */
export interface DecodeFailure {
  kind: 'certificate' | 'csr' | 'key' | 'unknown';
  error: string;
}

export type DecodeResult = { ok: true; record: DecodedRecord } | { ok: false; failure: DecodeFailure };
