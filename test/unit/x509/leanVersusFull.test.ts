// The lean path and the full decoder (@peculiar/x509) agree field by field on every field of the
// certificate summary: for every certificate of the fixture PKI (made by openssl), and for random
// certificates (fast-check) with every serial shape, name, date range, SAN and extension mix.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';
import { readCertificateFacts } from '../../../server/src/service/x509/decodeCertificate';
import { readCertificateSummary } from '../../../server/src/service/x509/leanCertificate';
import { findPemCertificates } from '../../../server/src/service/x509/pemCertificates';
import {
  buildCertificate,
  createSigner,
  integerContent,
  STRING_TAG,
  type AttributeSpec,
  type CertificateSpec,
} from './helpers/certificateBuilder';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const pki = join(__dirname, '../../../../test/fixtures/pki');
const SUMMARY_FIELDS: Array<keyof CertificateSummary> = [
  'serialNumber',
  'subject',
  'issuer',
  'commonName',
  'organizations',
  'notBefore',
  'notAfter',
  'dnsNames',
  'ipAddresses',
  'sha256Fingerprint',
  'isCA',
  'extendedKeyUsage',
];

/** The full decoder's record cut down to the summary's fields. */
function fullSummary(der: Uint8Array): Record<string, unknown> {
  const result = readCertificateFacts(der);
  if (!result.ok) assert.fail(`the full decoder refused it: ${result.error}`);
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, result.facts[field]]));
}

function leanSummary(der: Uint8Array): Record<string, unknown> {
  const result = readCertificateSummary(der, nodeSha256);
  if ('error' in result) assert.fail(`the lean path refused it: ${result.error}`);
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, result[field]]));
}

/** Every certificate of the fixture PKI: PEM blocks in .crt/.pem files and the DER copies. */
function fixtureCertificates(): Array<{ source: string; der: Uint8Array }> {
  const found: Array<{ source: string; der: Uint8Array }> = [];
  for (const file of readdirSync(pki)
    .filter((name) => /\.(crt|pem)$/.test(name))
    .sort()) {
    findPemCertificates(readFileSync(join(pki, file), 'utf8')).forEach((block, index) => {
      if ('der' in block) found.push({ source: `${file} #${index}`, der: block.der });
      else assert.fail(`${file} #${index}: ${block.error}`);
    });
  }
  for (const file of readdirSync(join(pki, 'der')).sort())
    found.push({ source: `der/${file}`, der: new Uint8Array(readFileSync(join(pki, 'der', file))) });
  return found;
}

test('the fixture PKI reads the same through the lean path and the full decoder, field by field', () => {
  const certificates = fixtureCertificates();
  assert.ok(certificates.length >= 300, `only ${certificates.length} certificates found under ${pki}`);
  for (const { source, der } of certificates) assert.deepEqual(leanSummary(der), fullSummary(der), source);
});

const attributeTypes = fc.constantFrom(
  '2.5.4.3',
  '2.5.4.10',
  '2.5.4.11',
  '2.5.4.6',
  '0.9.2342.19200300.100.1.1',
  '1.2.840.113549.1.9.1',
  '1.2.3.4',
);
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(',', '+', '"', '\\', '#', ' ', '=', 'é', '日', '😀', 'a', ':'),
    fc.constantFrom('system:nodes', 'node-1'),
  ),
  maxLength: 6,
});
const attribute: fc.Arbitrary<AttributeSpec> = fc.oneof(
  fc.record({ type: attributeTypes, value: text }),
  fc.record({
    type: attributeTypes,
    value: text.map((value) => value.replace(/[^\u0000-\u00ff]/g, 'x')),
    tag: fc.constantFrom<number>(STRING_TAG.PRINTABLE, STRING_TAG.IA5, STRING_TAG.T61),
  }),
  fc.record({
    type: attributeTypes,
    value: text.map((value) => value.replace(/[^\u0000-\uffff]/g, 'x')),
    tag: fc.constant<number>(STRING_TAG.BMP),
  }),
);
const rdns = fc.array(fc.array(attribute, { minLength: 1, maxLength: 2 }), { maxLength: 4 });
// Whole seconds from 1950 to 2149: both time types, both sides of 1970 and of 2050.
const instant = fc
  .integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2149, 11, 31) / 1000 })
  .map((seconds) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'));
const serial = fc.oneof(
  fc.bigInt({ min: -(1n << 64n), max: 1n << 159n }).map(integerContent),
  fc
    .uint8Array({ minLength: 1, maxLength: 20 })
    .filter(
      (bytes) =>
        bytes.length === 1 || (!(bytes[0] === 0 && bytes[1] < 0x80) && !(bytes[0] === 0xff && bytes[1] >= 0x80)),
    ),
);
const ipAddress = fc.oneof(
  fc.uint8Array({ minLength: 4, maxLength: 4 }),
  fc.uint8Array({ minLength: 16, maxLength: 16 }),
  fc
    .uint8Array({ minLength: 4, maxLength: 4 })
    .map((v4) => Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4])),
);
const purposes = fc.array(
  fc.constantFrom(
    '1.3.6.1.5.5.7.3.1',
    '1.3.6.1.5.5.7.3.2',
    '1.3.6.1.5.5.7.3.3',
    '1.3.6.1.5.5.7.3.4',
    '1.3.6.1.5.5.7.3.8',
    '1.3.6.1.5.5.7.3.9',
    '1.3.6.1.4.1.311.10.3.12',
  ),
  { maxLength: 4 },
);
const spec: fc.Arbitrary<CertificateSpec> = fc.record(
  {
    serial,
    subject: rdns,
    issuer: rdns,
    notBefore: instant,
    notAfter: instant,
    timeType: fc.constantFrom<'utc' | 'generalized' | undefined>(undefined, 'generalized'),
    dnsNames: fc.array(
      fc.constantFrom('api.example.com', 'Node-1.', '*.apps.example.com', '.cluster.local', 'localhost'),
      { maxLength: 3 },
    ),
    ipAddresses: fc.array(ipAddress, { maxLength: 3 }),
    ca: fc.constantFrom(undefined, true, false),
    extendedKeyUsage: fc.option(purposes, { nil: undefined }),
  },
  { requiredKeys: ['serial', 'subject', 'notBefore', 'notAfter'] },
);

test('random certificates read the same through the lean path and the full decoder (fast-check)', () => {
  const signer = createSigner();
  fc.assert(
    fc.property(spec, (description) => {
      const der = buildCertificate(description, signer);
      assert.deepEqual(leanSummary(der), fullSummary(der));
    }),
    { numRuns: 150, seed: 2201 },
  );
});
