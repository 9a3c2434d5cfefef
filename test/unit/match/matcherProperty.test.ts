// The indexed matcher equals a brute-force reference: docs/MATCHING.md written out directly, every entry
// against every certificate, on random inventories and manifests built to collide (SAN names
// sharing suffixes in any case and with trailing dots, IPs in IPv4 and IPv4-mapped forms, serials
// in every spelling, notBefore equal to certificates' own).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkDnsName } from '../../../server/src/service/values/dns';
import { parseIp } from '../../../server/src/service/values/ip';
import { parseSerial } from '../../../server/src/service/values/serial';
import { parseRfc3339 } from '../../../server/src/service/values/time';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';
import { summary } from '../helpers/certificateSummaries';
import { inventoryOf, manifestDocument, runPreview, type EntryFields } from '../helpers/previewHarness';

// ---- The reference: docs/MATCHING.md, pair by pair, with nothing shared with the matcher but the value checks.

interface RefEntry {
  kind: string;
  field: string;
  value: string;
  notBefore?: string;
}

const VALUE_FIELD: Record<string, string> = { serialnumber: 'serialNumber', group: 'group', dns: 'dns', ip: 'ip' };

function stripOneDotLower(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}

/** Certificate notBefore strictly earlier than the entry's instant, exactly (sub-millisecond fractions included). */
function issuedBefore(certificate: CertificateSummary, notBefore: string): boolean {
  const entryMs = parseRfc3339(notBefore);
  if (!entryMs.ok) return false;
  const certificateMs = Date.parse(certificate.notBefore);
  if (certificateMs !== entryMs.epochMs) return certificateMs < entryMs.epochMs;
  const fraction = /\.(\d+)/.exec(notBefore)?.[1] ?? '';
  return /[1-9]/.test(fraction.slice(3));
}

function referenceMatches(entry: RefEntry, certificate: CertificateSummary): boolean {
  const kind = entry.kind.toLowerCase();
  if (VALUE_FIELD[kind] !== entry.field) return false;
  if (
    entry.notBefore !== undefined &&
    (!parseRfc3339(entry.notBefore).ok || !issuedBefore(certificate, entry.notBefore))
  )
    return false;
  switch (kind) {
    case 'serialnumber': {
      const serial = parseSerial(entry.value);
      return serial.ok && serial.serial.canonical === certificate.serialNumber;
    }
    case 'group':
      return entry.value !== '' && certificate.organizations.includes(entry.value);
    case 'dns': {
      if (!checkDnsName(entry.value).ok) return false;
      const value = stripOneDotLower(entry.value);
      return certificate.dnsNames.some((san) => {
        const name = stripOneDotLower(san);
        return value.startsWith('.') ? name.endsWith(value) : name === value;
      });
    }
    case 'ip': {
      const ip = parseIp(entry.value);
      return (
        ip.ok &&
        certificate.ipAddresses.some((address) => {
          const parsed = parseIp(address);
          return parsed.ok && parsed.key === ip.key;
        })
      );
    }
    default:
      return false;
  }
}

function referenceNotRevocable(certificate: CertificateSummary): boolean {
  const eku = certificate.extendedKeyUsage;
  const cn = certificate.commonName ?? '';
  return (
    eku.includes('serverAuth') &&
    !eku.includes('clientAuth') &&
    /^system:node:.+/.test(cn) &&
    certificate.organizations.includes('system:nodes')
  );
}

// ---- Generators that make collisions likely.

const LABELS = ['a', 'b', 'svc', 'cluster', 'local', 'kube', 'x-1'];
const INSTANTS = ['2021-01-01T00:00:00Z', '2022-06-15T12:30:00Z', '2023-03-01T08:00:00Z', '2024-12-31T23:59:59Z'];
const SERIALS = ['1', '1f', 'abc', '77fdf4b1033b387aaace6ce1c18710c2', '0'];
const GROUPS = ['system:nodes', 'System:Nodes', 'system:masters', 'g'];
const IPV4 = ['10.0.0.1', '10.0.0.2', '170.63.128.124'];
const IPV6 = ['fd00::1', '2001:db8::1'];

const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const dnsName = fc.array(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const sanName = fc
  .tuple(dnsName, fc.boolean(), fc.boolean())
  .chain(([name, dot, wildcard]) => randomCase(`${wildcard ? '*.' : ''}${name}${dot ? '.' : ''}`));

interface CertificateFields {
  serialNumber: string;
  organizations: string[];
  dnsNames: string[];
  ipAddresses: string[];
  notBefore: string;
  isCA: boolean;
  node: string;
  eku: string[];
}

const certificateArbitrary: fc.Arbitrary<CertificateFields> = fc.record({
  serialNumber: fc.constantFrom(...SERIALS),
  organizations: fc.subarray(GROUPS),
  dnsNames: fc.array(sanName, { maxLength: 3 }),
  ipAddresses: fc.subarray([...IPV4, ...IPV6, '::ffff:10.0.0.1', '::ffff:170.63.128.124']),
  notBefore: fc.constantFrom(...INSTANTS),
  isCA: fc.boolean(),
  node: fc.constantFrom('', 'system:node:n1', 'system:node:'),
  eku: fc.subarray(['serverAuth', 'clientAuth']),
});

const serialSpelling = fc.constantFrom(
  ...SERIALS,
  '001f',
  '00:1F',
  '0x1F',
  '77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2',
  'ABC',
  '12zz',
  '',
);
const ipSpelling = fc.constantFrom(
  ...IPV4,
  ...IPV6,
  '::ffff:10.0.0.2',
  '::ffff:a00:1',
  'FD00:0:0:0:0:0:0:1',
  '2001:0db8::0001',
  '10.0.0.0/8',
  '10.0.0.3',
);
const dnsSpelling = fc
  .tuple(fc.constantFrom('', '.', '*.'), dnsName, fc.boolean())
  .chain(([prefix, name, dot]) => randomCase(`${prefix}${name}${dot ? '.' : ''}`));
// Instants equal to the certificates', in other zones, with fractions, and invalid ones.
const notBeforeSpelling = fc.option(
  fc.oneof(
    fc.constantFrom(...INSTANTS),
    fc.constantFrom(
      '2022-06-15T14:30:00+02:00',
      '2023-03-01T08:00:00.0001Z',
      '2023-03-01T08:00:00.000Z',
      '2024-12-31T23:59:59.999Z',
      '2023-03-01',
      '2030-01-01T00:00:00Z',
    ),
  ),
  { nil: undefined },
);

const entryArbitrary: fc.Arbitrary<RefEntry> = fc
  .tuple(fc.constantFrom('serialnumber', 'group', 'dns', 'ip'), fc.boolean(), notBeforeSpelling, fc.nat(9))
  .chain(([kind, wrongField, notBefore, caseSeed]) => {
    const value =
      kind === 'serialnumber'
        ? serialSpelling
        : kind === 'group'
          ? fc.constantFrom(...GROUPS, '')
          : kind === 'dns'
            ? dnsSpelling
            : ipSpelling;
    const written = ['SerialNumber', 'serialnumber', 'Group', 'group', 'DNS', 'dns', 'IP', 'Ip', 'GROUP', 'dNs'].filter(
      (k) => k.toLowerCase() === kind,
    );
    const kindText = written[caseSeed % written.length];
    // Now and then the entry carries another kind's field (it then matches nothing).
    const field = wrongField && caseSeed === 0 ? (kind === 'dns' ? 'ip' : 'dns') : VALUE_FIELD[kind];
    return value.map((text) => ({ kind: kindText, field, value: text, notBefore }));
  });

function toSummary(f: CertificateFields, i: number): CertificateSummary {
  return summary({
    name: `c${i}-${JSON.stringify(f)}`,
    serialNumber: f.serialNumber,
    organizations: f.organizations,
    dnsNames: f.dnsNames,
    ipAddresses: f.ipAddresses,
    notBefore: f.notBefore,
    isCA: f.isCA,
    commonName: f.node || `cert${i}`,
    extendedKeyUsage: f.eku,
  });
}

function toFields(entry: RefEntry): EntryFields {
  const fields: EntryFields = { kind: entry.kind, [entry.field]: entry.value };
  if (entry.notBefore !== undefined) fields.notBefore = entry.notBefore;
  return fields;
}

test('the indexed matcher equals the brute-force reference on random inventories and manifests', () => {
  fc.assert(
    fc.property(
      fc.array(certificateArbitrary, { maxLength: 25 }),
      fc.array(fc.array(entryArbitrary, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 2 }),
      (certificateFields, documents) => {
        const certificates = certificateFields.map(toSummary);
        // Some certificates found a second time, in another file: still one certificate each.
        const again = certificates.filter((_, i) => i % 3 === 0).map((c) => ({ ...c }));
        const inventory = inventoryOf({ 'a.pem': certificates, 'C:\\pki\\b.pem': again });
        const text = documents.map((entries) => manifestDocument(entries.map(toFields))).join('---\n');
        const { preview } = runPreview(inventory, text);
        const entries = documents.flatMap((list, document) => list.map((entry, index) => ({ entry, document, index })));

        // Per entry: exactly the certificates the reference matches.
        assert.equal(preview.entries.length, entries.length);
        entries.forEach(({ entry, document, index }, position) => {
          const expected = new Set(
            certificates.filter((c) => referenceMatches(entry, c)).map((c) => c.sha256Fingerprint),
          );
          assert.deepEqual(
            { document: preview.entries[position].document, index: preview.entries[position].index },
            { document, index },
          );
          assert.deepEqual(new Set(preview.entries[position].matches), expected, `entry ${JSON.stringify(entry)}`);
          assert.equal(preview.entries[position].matches.length, expected.size, 'no certificate listed twice');
        });

        // Per certificate: revoked, not revocable or kept, with the entries that hit it.
        const expectedClass = new Map<string, { cls: string; hits: string[] }>();
        for (const certificate of certificates) {
          const hits = entries
            .filter(({ entry }) => referenceMatches(entry, certificate))
            .map(({ document, index }) => `${document}/${index}`);
          const cls = hits.length === 0 ? 'kept' : referenceNotRevocable(certificate) ? 'notRevocable' : 'revoked';
          expectedClass.set(certificate.sha256Fingerprint, { cls, hits });
        }
        const actualClass = new Map<string, { cls: string; hits: string[] }>();
        for (const cls of ['revoked', 'notRevocable', 'kept'] as const) {
          for (const record of preview[cls]) {
            assert.equal(actualClass.has(record.sha256Fingerprint), false, 'each certificate in one class');
            actualClass.set(record.sha256Fingerprint, {
              cls,
              hits: record.entries.map((ref) => `${ref.document}/${ref.index}`),
            });
          }
        }
        assert.deepEqual(actualClass, expectedClass);
        assert.equal(preview.certificatesScanned, certificates.length);
        for (const record of [...preview.revoked, ...preview.notRevocable, ...preview.kept]) {
          const position = certificates.findIndex((c) => c.sha256Fingerprint === record.sha256Fingerprint);
          assert.deepEqual(record.sources, position % 3 === 0 ? ['C:\\pki\\b.pem', 'a.pem'] : ['a.pem']);
        }
      },
    ),
    { numRuns: 300 },
  );
});
