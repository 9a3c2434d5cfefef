// Every diagnostic code the product emits, with its default severity and a one-line summary.
// This is the one place a reader finds a code; the README has a section (anchor) per code.
import type { Severity } from './types';

export interface CodeInfo {
  severity: Severity;
  summary: string;
}

export const CODES = {
  'yaml-syntax': { severity: 'error', summary: 'The YAML does not parse.' },
  schema: { severity: 'error', summary: 'The structure does not match the RenewRevocation schema.' },
  'unknown-field': { severity: 'warning', summary: 'A key the schema does not know.' },
  'kind-case': { severity: 'warning', summary: 'An entry kind matches a documented spelling only case-insensitively.' },
  'field-kind-mismatch': { severity: 'error', summary: "An entry lacks its kind's value field, or carries another kind's field." },
  'serial-invalid': { severity: 'error', summary: 'A serial number that is empty, not hexadecimal, or longer than 20 octets.' },
  'serial-not-canonical': { severity: 'warning', summary: 'A serial number with colons, spaces or a 0x prefix.' },
  'serial-number-type': { severity: 'error', summary: 'An unquoted serial number that YAML reads as a number.' },
  'not-before-invalid': { severity: 'error', summary: '`notBefore` is not an RFC 3339 date-time with a zone.' },
  'not-before-future': { severity: 'warning', summary: '`notBefore` is in the future.' },
  'missing-not-before': { severity: 'warning', summary: 'A Group, DNS or IP entry without `notBefore` revokes future certificates too.' },
  'broad-revocation': { severity: 'warning', summary: 'An entry that revokes a whole class of identities.' },
  'dns-invalid': { severity: 'error', summary: 'Not a valid DNS name or suffix.' },
  'ip-invalid': { severity: 'error', summary: 'Not an IPv4 or IPv6 address.' },
  'duplicate-entry': { severity: 'warning', summary: 'The same kind and value twice.' },
  'no-match': { severity: 'information', summary: 'The entry matches no certificate of the inventory.' },
  'matches-ca': { severity: 'warning', summary: 'The entry matches a CA certificate of the inventory.' },
  'kubelet-server-cert': { severity: 'warning', summary: 'The entry matches kubelet serving certificates, which cannot be revoked.' },
  'certificate-expired': { severity: 'warning', summary: 'The certificate has expired.' },
  'certificate-expiring': { severity: 'information', summary: 'The certificate expires soon.' },
  'certificate-not-yet-valid': { severity: 'warning', summary: 'The certificate is not valid yet.' },
  'pem-invalid': { severity: 'error', summary: 'A PEM block or certificate data that does not decode.' },
  'file-too-large': { severity: 'information', summary: 'The file is larger than `renewRevocation.maxFileSize` and was not analysed.' },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as DiagnosticCode[];

export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(CODES, value);
}
