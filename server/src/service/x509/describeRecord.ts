// A decoded record as labelled lines for people, in the order a reader wants them: the hover card,
// the decoded view and the CLI's text output all lay out these same fields. Key records yield
// their type and size or curve, and nothing else.
import { parseSerial, serialColonForm, serialDecimal } from '../values/serial';
import type {
  DecodedCertificate,
  DecodedCsr,
  DecodedKey,
  DecodedRecord,
  InvalidSanEntry,
  PublicKeySummary,
} from './decodedTypes';
import { describeDays } from './expiry';
import { invalidSanEntryText } from './sanEntries';

export interface Field {
  label: string;
  value: string;
}

/** A one-line state of a certificate's validity, for headings and markers. */
export function expiryText(certificate: DecodedCertificate): string {
  switch (certificate.expiry) {
    case 'expired':
      return `EXPIRED ${describeDays(certificate.daysToExpiry)}`;
    case 'expiring':
      return `EXPIRES ${describeDays(certificate.daysToExpiry)}`;
    case 'not-yet-valid':
      return `NOT YET VALID (valid from ${certificate.notBefore})`;
    default:
      return `valid, expires ${describeDays(certificate.daysToExpiry)}`;
  }
}

export function keyText(key: PublicKeySummary | DecodedKey): string {
  const type = 'keyType' in key ? key.keyType : key.algorithm;
  if ('malformed' in key && key.malformed) return `${type} (the key itself is malformed)`;
  if (key.size !== undefined) return `${type} ${key.size} bits`;
  if (key.curve !== undefined) return `${type} ${key.curve}`;
  return type;
}

/** Hex in colon-separated octets, as certificate viewers show key identifiers. */
function colonHex(hex: string): string {
  return (hex.match(/../g) ?? []).join(':');
}

function serialForms(serialNumber: string): string {
  const parsed = parseSerial(serialNumber);
  const serial = parsed.ok ? parsed.serial : parsed.serial;
  if (!serial) return serialNumber;
  return `${serialNumber} (${serialColonForm(serial)}; decimal ${serialDecimal(serial)})`;
}

function list(values: readonly string[]): string | undefined {
  return values.length > 0 ? values.join(', ') : undefined;
}

function push(fields: Field[], label: string, value: string | undefined): void {
  if (value !== undefined && value !== '') fields.push({ label, value });
}

/** One line per dNSName or iPAddress entry that is no name or address: shown, never matched. */
function pushInvalidSanEntries(fields: Field[], entries: readonly InvalidSanEntry[]): void {
  for (const entry of entries) push(fields, 'Invalid SAN entry', invalidSanEntryText(entry));
}

export function certificateFields(certificate: DecodedCertificate, detail: 'card' | 'full'): Field[] {
  const fields: Field[] = [];
  push(fields, 'Subject', certificate.subject || '(empty)');
  if (detail === 'full') push(fields, 'Common name', certificate.commonName);
  push(fields, 'Organizations', list(certificate.organizations));
  push(fields, 'Issuer', certificate.issuer || '(empty)');
  push(fields, 'Serial', serialForms(certificate.serialNumber));
  if (detail === 'full') push(fields, 'Version', String(certificate.version));
  push(fields, 'Valid from', certificate.notBefore);
  push(fields, 'Valid until', `${certificate.notAfter} (${expiryText(certificate)})`);
  push(fields, 'DNS names', list(certificate.dnsNames));
  push(fields, 'IP addresses', list(certificate.ipAddresses));
  push(fields, 'Other names', list(certificate.otherNames));
  pushInvalidSanEntries(fields, certificate.invalidSanEntries);
  push(fields, 'Public key', keyText(certificate.publicKey));
  push(fields, 'Signature', certificate.signatureAlgorithm);
  const constraints = certificate.basicConstraints;
  const pathLength = constraints?.pathLength !== undefined ? `, path length ${constraints.pathLength}` : '';
  push(fields, 'CA', certificate.isCA ? `yes${pathLength}` : 'no');
  push(fields, 'Key usage', list(certificate.keyUsage));
  push(fields, 'Extended key usage', list(certificate.extendedKeyUsage));
  if (detail === 'full') {
    push(fields, 'Subject key id', certificate.subjectKeyIdentifier && colonHex(certificate.subjectKeyIdentifier));
    push(
      fields,
      'Authority key id',
      certificate.authorityKeyIdentifier && colonHex(certificate.authorityKeyIdentifier),
    );
    push(
      fields,
      'Extensions',
      list(
        certificate.extensions.map((extension) =>
          extension.critical ? `${extension.name} (critical)` : extension.name,
        ),
      ),
    );
  }
  push(fields, 'SHA-256', certificate.sha256Fingerprint);
  push(fields, 'SHA-1', certificate.sha1Fingerprint);
  push(fields, 'Audit identity', certificate.auditIdentity);
  for (const note of certificate.notes) push(fields, 'Note', note);
  return fields;
}

export function csrFields(csr: DecodedCsr): Field[] {
  const fields: Field[] = [];
  push(fields, 'Subject', csr.subject || '(empty)');
  push(fields, 'DNS names', list(csr.dnsNames));
  push(fields, 'IP addresses', list(csr.ipAddresses));
  push(fields, 'Other names', list(csr.otherNames));
  pushInvalidSanEntries(fields, csr.invalidSanEntries);
  push(fields, 'Public key', keyText(csr.publicKey));
  push(fields, 'Signature', csr.signatureAlgorithm);
  for (const note of csr.notes) push(fields, 'Note', note);
  return fields;
}

export function keyFields(key: DecodedKey): Field[] {
  return [
    {
      label: 'Key',
      value: key.keyType === 'encrypted' ? 'encrypted (type not readable without the passphrase)' : keyText(key),
    },
    { label: 'Format', value: key.format },
  ];
}

export function recordFields(record: DecodedRecord, detail: 'card' | 'full'): Field[] {
  switch (record.kind) {
    case 'certificate':
      return certificateFields(record, detail);
    case 'csr':
      return csrFields(record);
    default:
      return keyFields(record);
  }
}

/** `Certificate kube-apiserver`, `Certificate request csr.example.com`, `Private key RSA 2048 bits`. */
export function recordTitle(record: DecodedRecord): string {
  switch (record.kind) {
    case 'certificate':
      return `Certificate ${record.commonName ?? record.subject ?? ''}`.trim();
    case 'csr':
      return `Certificate request ${record.commonName ?? record.subject ?? ''}`.trim();
    default:
      return `${record.isPrivate ? 'Private' : 'Public'} key ${record.keyType === 'encrypted' ? '(encrypted)' : keyText(record)}`;
  }
}
