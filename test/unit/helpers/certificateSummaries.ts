// Certificate summaries made by hand for the matcher and inventory tests: the matcher reads only
// the summary, so where a certificate came from does not matter here.
import { createHash } from 'node:crypto';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';

export interface SummaryFields {
  name: string;
  serialNumber?: string;
  organizations?: string[];
  commonName?: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  notBefore?: string;
  notAfter?: string;
  isCA?: boolean;
  extendedKeyUsage?: string[];
  issuer?: string;
}

/** A summary whose fingerprint is derived from `name`: the same name is the same certificate. */
export function summary(fields: SummaryFields): CertificateSummary {
  const commonName = fields.commonName ?? fields.name;
  const organizations = fields.organizations ?? [];
  const subject = [`CN=${commonName}`, ...[...organizations].reverse().map((o) => `O=${o}`)].join(',');
  return {
    serialNumber:
      fields.serialNumber ?? createHash('sha1').update(fields.name).digest('hex').slice(0, 16).replace(/^0+/, ''),
    subject,
    issuer: fields.issuer ?? 'CN=kubernetes',
    commonName,
    organizations,
    notBefore: fields.notBefore ?? '2023-01-01T00:00:00Z',
    notAfter: fields.notAfter ?? '2033-01-01T00:00:00Z',
    dnsNames: fields.dnsNames ?? [],
    ipAddresses: fields.ipAddresses ?? [],
    sha256Fingerprint: fingerprintOf(fields.name),
    isCA: fields.isCA ?? false,
    extendedKeyUsage: fields.extendedKeyUsage ?? ['clientAuth'],
  };
}

const names = new Map<string, string>();

export function fingerprintOf(name: string): string {
  const fingerprint = createHash('sha256').update(name).digest('hex');
  names.set(fingerprint, name);
  return fingerprint;
}

/** The name a test summary was made from, by its fingerprint (for readable assertions). */
export function nameOf(fingerprint: string): string {
  return names.get(fingerprint) ?? fingerprint;
}
