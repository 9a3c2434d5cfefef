// The lean certificate summary, field by field, against what real `openssl` and Node's
// crypto.X509Certificate report for the same certificates: made by openssl itself, and built
// here for what openssl will not write (a negative serial, UTCTime before 1970, odd string types).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { canonicalIp } from '../../../server/src/service/values/ip';
import type { CertificateSummary } from '../../../server/src/service/x509/certificateSummary';
import { sha256Hex } from '../../../server/src/service/x509/digest';
import { readCertificateSummary } from '../../../server/src/service/x509/leanCertificate';
import {
  buildCertificate,
  createSigner,
  hexBytes,
  integerContent,
  STRING_TAG,
  type CertificateSpec,
} from './helpers/certificateBuilder';
import { opensslAvailable, opensslReports } from './helpers/openssl';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const signer = createSigner();
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const CN = '2.5.4.3';
const O = '2.5.4.10';

function summaryOf(der: Uint8Array): CertificateSummary {
  const result = readCertificateSummary(der, nodeSha256);
  if ('error' in result) assert.fail(result.error);
  return result;
}

const base: CertificateSpec = {
  serial: Uint8Array.of(0x12, 0x34),
  subject: [[{ type: CN, value: 'leaf' }]],
  notBefore: '2024-01-02T03:04:05Z',
  notAfter: '2025-01-02T03:04:05Z',
};

/** Built certificates, each with the summary it must read as (beyond what openssl and Node confirm). */
const built: Array<{ title: string; spec: CertificateSpec; expect: Partial<CertificateSummary> }> = [
  { title: 'serial 1', spec: { ...base, serial: Uint8Array.of(1) }, expect: { serialNumber: '1' } },
  {
    title: 'serial with a leading zero octet',
    spec: { ...base, serial: hexBytes('00ff0001') },
    expect: { serialNumber: 'ff0001' },
  },
  {
    title: '20-octet serial',
    spec: { ...base, serial: hexBytes('7f0102030405060708090a0b0c0d0e0f10111213') },
    expect: { serialNumber: '7f0102030405060708090a0b0c0d0e0f10111213' },
  },
  { title: 'negative serial', spec: { ...base, serial: integerContent(-255n) }, expect: { serialNumber: '-ff' } },
  {
    title: 'negative 16-octet serial',
    spec: { ...base, serial: hexBytes('80000000000000000000000000000001') },
    expect: { serialNumber: '-7fffffffffffffffffffffffffffffff' },
  },
  { title: 'serial 0', spec: { ...base, serial: Uint8Array.of(0) }, expect: { serialNumber: '0' } },
  {
    title: 'UTF-8 and escaped names, two O values, the last CN',
    spec: {
      ...base,
      subject: [
        [{ type: '2.5.4.6', value: 'NO', tag: STRING_TAG.PRINTABLE }],
        [{ type: O, value: 'Sø Paulo, 日本' }],
        [{ type: O, value: 'system:masters' }],
        [{ type: CN, value: 'first' }],
        [{ type: CN, value: '#admin+"root"<x>;\\ ' }],
      ],
    },
    expect: {
      subject:
        'CN=\\#admin\\+\\"root\\"\\<x\\>\\;\\\\\\ ,CN=first,O=system:masters,O=S\\C3\\B8 Paulo\\, \\E6\\97\\A5\\E6\\9C\\AC,C=NO',
      commonName: '#admin+"root"<x>;\\ ',
      organizations: ['Sø Paulo, 日本', 'system:masters'],
    },
  },
  {
    title: 'multi-valued RDN',
    spec: {
      ...base,
      subject: [
        [{ type: O, value: 'system:nodes' }],
        [
          { type: CN, value: 'system:node:n1' },
          { type: '0.9.2342.19200300.100.1.1', value: 'n1' },
        ],
      ],
    },
    expect: {
      subject: 'UID=n1+CN=system:node:n1,O=system:nodes',
      commonName: 'system:node:n1',
      organizations: ['system:nodes'],
    },
  },
  {
    title: 'BMPString, T61String (Latin-1), UniversalString and IA5String values',
    spec: {
      ...base,
      subject: [
        [{ type: '2.5.4.7', value: 'Zürich', tag: STRING_TAG.BMP }],
        [{ type: O, value: 'Café', tag: STRING_TAG.T61 }],
        [{ type: '1.2.840.113549.1.9.1', value: 'ops@example.com', tag: STRING_TAG.IA5 }],
        [{ type: CN, value: 'snow ☃ 𝄞', tag: STRING_TAG.UNIVERSAL }],
      ],
    },
    expect: { commonName: 'snow ☃ 𝄞', organizations: ['Café'] },
  },
  {
    title: 'IPv4, IPv6 and IPv4-mapped SAN addresses, DNS names as written',
    spec: {
      ...base,
      dnsNames: ['API.Example.com.', '*.apps.example.com', 'kubernetes.default.svc'],
      ipAddresses: [
        Uint8Array.of(10, 0, 0, 1),
        hexBytes('20010db8000000000000000000000001'),
        hexBytes('00000000000000000000ffff0a000002'),
        hexBytes('fe800000000000000000000000000000'),
      ],
    },
    expect: {
      dnsNames: ['API.Example.com.', '*.apps.example.com', 'kubernetes.default.svc'],
      ipAddresses: ['10.0.0.1', '2001:db8::1', '::ffff:10.0.0.2', 'fe80::'],
    },
  },
  {
    title: 'GeneralizedTime beyond 2049',
    spec: { ...base, notBefore: '2049-12-31T23:59:59Z', notAfter: '2150-06-30T12:00:00Z' },
    expect: { notBefore: '2049-12-31T23:59:59Z', notAfter: '2150-06-30T12:00:00Z' },
  },
  {
    title: 'UTCTime before 1970 and at 1950',
    spec: { ...base, notBefore: '1950-01-01T00:00:00Z', notAfter: '1969-07-20T20:17:40Z' },
    expect: { notBefore: '1950-01-01T00:00:00Z', notAfter: '1969-07-20T20:17:40Z' },
  },
  {
    title: 'GeneralizedTime in the UTCTime years',
    spec: {
      ...base,
      timeType: 'generalized',
      notBefore: '2020-04-17T17:22:05Z',
      notAfter: '2030-02-29T00:00:00Z'.replace('02-29', '02-28'),
    },
    expect: { notBefore: '2020-04-17T17:22:05Z', notAfter: '2030-02-28T00:00:00Z' },
  },
  { title: 'CA', spec: { ...base, ca: true }, expect: { isCA: true } },
  { title: 'basicConstraints without cA', spec: { ...base, ca: false }, expect: { isCA: false } },
  {
    title: 'no basicConstraints',
    spec: { ...base },
    expect: { isCA: false, extendedKeyUsage: [], dnsNames: [], ipAddresses: [] },
  },
  {
    title: 'every named extended key usage and an unknown one',
    spec: {
      ...base,
      extendedKeyUsage: [
        SERVER_AUTH,
        CLIENT_AUTH,
        '1.3.6.1.5.5.7.3.3',
        '1.3.6.1.5.5.7.3.4',
        '1.3.6.1.5.5.7.3.8',
        '1.3.6.1.5.5.7.3.9',
        '1.2.3.4.5',
      ],
    },
    expect: {
      extendedKeyUsage: [
        'serverAuth',
        'clientAuth',
        'codeSigning',
        'emailProtection',
        'timeStamping',
        'OCSPSigning',
        '1.2.3.4.5',
      ],
    },
  },
  {
    title: 'empty subject',
    spec: { ...base, subject: [] },
    expect: { subject: '', commonName: undefined, organizations: [] },
  },
];

/** Certificates made by openssl itself, in a temporary folder. */
function opensslMade(): Array<{ title: string; der: Uint8Array; expect: Partial<CertificateSummary> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lean-made-'));
  try {
    const make = (file: string, args: string[]): Uint8Array => {
      const result = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          join(dir, `${file}.key`),
          '-outform',
          'DER',
          '-out',
          join(dir, `${file}.der`),
          '-utf8',
          ...args,
        ],
        { encoding: 'utf8' },
      );
      if (result.status !== 0) throw new Error(`openssl req failed: ${result.stderr}`);
      return new Uint8Array(readFileSync(join(dir, `${file}.der`)));
    };
    return [
      {
        title: 'kubelet client certificate',
        der: make('kubelet', [
          '-days',
          '365',
          '-set_serial',
          '0x00a1b2c3',
          '-subj',
          '/O=system:nodes/CN=system:node:aks-node-1',
          '-addext',
          'basicConstraints=critical,CA:FALSE',
          '-addext',
          'extendedKeyUsage=clientAuth',
        ]),
        expect: {
          serialNumber: 'a1b2c3',
          subject: 'CN=system:node:aks-node-1,O=system:nodes',
          commonName: 'system:node:aks-node-1',
          organizations: ['system:nodes'],
          isCA: false,
          extendedKeyUsage: ['clientAuth'],
        },
      },
      {
        title: 'server certificate with DNS and IP SANs and a 20-octet serial',
        der: make('server', [
          '-days',
          '30',
          '-set_serial',
          '0x7fffffffffffffffffffffffffffffffffffffff',
          '-subj',
          '/C=US/O=Contoso/CN=api',
          '-addext',
          'subjectAltName=DNS:api.contoso.com,DNS:.cluster.local,IP:10.0.0.1,IP:2001:db8:0:0:1::1',
          '-addext',
          'extendedKeyUsage=serverAuth',
        ]),
        expect: {
          serialNumber: '7fffffffffffffffffffffffffffffffffffffff',
          dnsNames: ['api.contoso.com', '.cluster.local'],
          ipAddresses: ['10.0.0.1', '2001:db8::1:0:0:1'],
        },
      },
      {
        title: 'CA with UTF-8, a multi-valued RDN and two O values',
        der: make('ca', [
          '-days',
          '3650',
          '-set_serial',
          '1',
          '-multivalue-rdn',
          '-subj',
          '/C=DE/O=Müller & Söhne/O=Second, Org/OU=a+OU=b/CN=Root CA',
          '-addext',
          'basicConstraints=critical,CA:TRUE',
        ]),
        expect: {
          serialNumber: '1',
          subject: 'CN=Root CA,OU=b+OU=a,O=Second\\, Org,O=M\\C3\\BCller & S\\C3\\B6hne,C=DE',
          organizations: ['Müller & Söhne', 'Second, Org'],
          isCA: true,
        },
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const haveOpenssl = opensslAvailable();
const cases = [
  ...built.map(({ title, spec, expect }) => ({ title, der: buildCertificate(spec, signer), expect })),
  ...(haveOpenssl ? opensslMade() : []),
];
const reports = haveOpenssl ? opensslReports(cases.map((c) => c.der)) : [];

for (const [index, { title, der, expect }] of cases.entries()) {
  test(`lean summary: ${title}`, () => {
    const summary = summaryOf(der);
    for (const [field, expected] of Object.entries(expect))
      assert.deepEqual(summary[field as keyof CertificateSummary], expected, field);
  });

  test(`lean summary equals openssl's report: ${title}`, { skip: !haveOpenssl && 'openssl is not installed' }, () => {
    const summary = summaryOf(der);
    const { commonName, organizations, ...comparable } = summary;
    assert.ok(commonName === undefined || typeof commonName === 'string');
    assert.ok(Array.isArray(organizations));
    assert.deepEqual(comparable, reports[index]);
  });

  test(`lean summary equals Node's X509Certificate: ${title}`, () => {
    const summary = summaryOf(der);
    const node = new X509Certificate(der);
    assert.equal(summary.sha256Fingerprint, node.fingerprint256.replace(/:/g, '').toLowerCase());
    assert.equal(summary.serialNumber, node.serialNumber.toLowerCase().replace(/^(-?)0+(?=.)/, '$1'));
    assert.equal(summary.notBefore, new Date(node.validFrom).toISOString().replace('.000Z', 'Z'));
    assert.equal(summary.notAfter, new Date(node.validTo).toISOString().replace('.000Z', 'Z'));
    assert.equal(summary.isCA, node.ca);
    const san = node.subjectAltName?.split(', ') ?? [];
    assert.deepEqual(
      summary.dnsNames,
      san.filter((item) => item.startsWith('DNS:')).map((item) => item.slice(4)),
    );
    assert.deepEqual(
      summary.ipAddresses,
      san.filter((item) => item.startsWith('IP Address:')).map((item) => canonicalIp(item.slice(11))),
    );
    const purposes = (node.keyUsage ?? []).map(
      (oid) =>
        ({
          [SERVER_AUTH]: 'serverAuth',
          [CLIENT_AUTH]: 'clientAuth',
          '1.3.6.1.5.5.7.3.3': 'codeSigning',
          '1.3.6.1.5.5.7.3.4': 'emailProtection',
          '1.3.6.1.5.5.7.3.8': 'timeStamping',
          '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
        })[oid] ?? oid,
    );
    assert.deepEqual(summary.extendedKeyUsage, purposes);
    const legacy = node.toLegacyObject().subject as unknown as Record<string, string | string[] | undefined>;
    const nodeCn = legacy.CN;
    assert.equal(summary.commonName, Array.isArray(nodeCn) ? nodeCn[nodeCn.length - 1] : nodeCn);
    const nodeO = legacy.O;
    assert.deepEqual(summary.organizations, nodeO === undefined ? [] : Array.isArray(nodeO) ? nodeO : [nodeO]);
  });
}

test('the portable SHA-256 gives the same fingerprint as Node', () => {
  const der = buildCertificate(base, signer);
  assert.deepEqual(readCertificateSummary(der, sha256Hex), readCertificateSummary(der, nodeSha256));
});

test("bytes after the certificate (a TRUSTED CERTIFICATE's trust settings) are ignored, and not hashed", () => {
  const der = buildCertificate(base, signer);
  const withTrailer = new Uint8Array(der.length + 4);
  withTrailer.set(der);
  withTrailer.set([0x30, 0x02, 0x05, 0x00], der.length);
  assert.deepEqual(readCertificateSummary(withTrailer, nodeSha256), readCertificateSummary(der, nodeSha256));
});
