// What matching and listing need of a certificate, in the canonical forms of docs/MATCHING.md, "Canonical forms". The lean
// inventory path produces it straight from DER; the full decoder's record is a superset.

export interface CertificateSummary {
  /** Lowercase hex, no separators, no leading zeros (`0` for zero); negative: `-` and the magnitude. */
  serialNumber: string;
  /** RFC 4514, as `openssl -nameopt RFC2253` prints it. */
  subject: string;
  issuer: string;
  /** The last CN of the subject, if any. */
  commonName: string | undefined;
  /** Every O value of the subject, in certificate order. */
  organizations: string[];
  /** ISO 8601 UTC with seconds: `2020-04-17T17:22:05Z`. */
  notBefore: string;
  notAfter: string;
  /** SAN DNS names as written in the certificate. */
  dnsNames: string[];
  /** SAN IP addresses, canonical (IPv4 dotted; IPv6 RFC 5952). */
  ipAddresses: string[];
  /** Lowercase hex SHA-256 of the DER, no colons: the certificate's identity everywhere. */
  sha256Fingerprint: string;
  /** basicConstraints cA. */
  isCA: boolean;
  /** Extended key usage names (`serverAuth`, `clientAuth`…) or OIDs where unknown. */
  extendedKeyUsage: string[];
}
