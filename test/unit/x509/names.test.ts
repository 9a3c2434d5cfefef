// RFC 4514 names exactly as `openssl -nameopt RFC2253` prints them: fixed cases with the text
// written out, the same names printed by the real openssl, and random names (fast-check) that
// must print as openssl prints them.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { readNameDer } from '../../../server/src/service/x509/derName';
import { readCertificateSummary } from '../../../server/src/service/x509/leanCertificate';
import {
  commonNameOf,
  formatName,
  organizationsOf,
  type DistinguishedName,
} from '../../../server/src/service/x509/names';
import {
  buildCertificate,
  createSigner,
  name,
  STRING_TAG,
  tlv,
  type AttributeSpec,
} from './helpers/certificateBuilder';
import { opensslAvailable, opensslNames } from './helpers/openssl';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const signer = createSigner();
const haveOpenssl = opensslAvailable();
const noOpenssl = !haveOpenssl && 'openssl is not installed';

const CN = '2.5.4.3';
const O = '2.5.4.10';

test('RDNs print from last to first, `,` between RDNs and `+` inside one (reversed too)', () => {
  const rdns: DistinguishedName = [
    [{ type: '2.5.4.6', value: 'US' }],
    [{ type: O, value: 'system:nodes' }],
    [
      { type: CN, value: 'system:node:n1' },
      { type: '0.9.2342.19200300.100.1.1', value: 'n1' },
    ],
  ];
  assert.equal(formatName(rdns), 'UID=n1+CN=system:node:n1,O=system:nodes,C=US');
  assert.equal(commonNameOf(rdns), 'system:node:n1');
  assert.deepEqual(organizationsOf(rdns), ['system:nodes']);
});

test('short names as openssl prints them, dotted OID with a hex dump for unknown types', () => {
  const rdns: DistinguishedName = [
    [{ type: '0.9.2342.19200300.100.1.25', value: 'com' }],
    [{ type: '1.2.840.113549.1.9.1', value: 'a@b.c' }],
    [{ type: '2.5.4.9', value: 'Main St' }],
    [{ type: '2.5.4.5', value: '42' }],
    [{ type: '1.3.6.1.4.1.311.60.2.1.3', value: 'US' }],
    [{ type: '1.2.3.4', value: 'foo' }],
  ];
  assert.equal(
    formatName(rdns),
    '1.2.3.4=#0C03666F6F,jurisdictionC=US,serialNumber=42,street=Main St,emailAddress=a@b.c,DC=com',
  );
});

test('escaping: special characters, leading # and spaces, trailing space, control and non-ASCII bytes', () => {
  const one = (value: string): string => formatName([[{ type: CN, value }]]);
  assert.equal(one('a,b+c"d\\e<f>g;h'), 'CN=a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h');
  assert.equal(one('#x'), 'CN=\\#x');
  assert.equal(one('x#'), 'CN=x#');
  assert.equal(one('#'), 'CN=#'); // openssl: a lone `#` counts only as "last"
  assert.equal(one(' '), 'CN=\\ ');
  assert.equal(one(' a b '), 'CN=\\ a b\\ ');
  assert.equal(one('a=b/c'), 'CN=a=b/c');
  assert.equal(one('tab\there\u007f'), 'CN=tab\\09here\\7F');
  assert.equal(one('Sø 日'), 'CN=S\\C3\\B8 \\E6\\97\\A5');
  assert.equal(one(''), 'CN=');
});

test('commonName is the last CN; organizations are every O in certificate order', () => {
  const rdns: DistinguishedName = [
    [{ type: O, value: 'b' }],
    [{ type: CN, value: 'one' }],
    [
      { type: O, value: 'a' },
      { type: CN, value: 'two' },
    ],
  ];
  assert.equal(commonNameOf(rdns), 'two');
  assert.deepEqual(organizationsOf(rdns), ['b', 'a']);
  assert.equal(commonNameOf([[{ type: O, value: 'x' }]]), undefined);
});

test('readNameDer reads a Name from DER, and says why when it cannot', () => {
  const der = name([[{ type: O, value: 'Café', tag: STRING_TAG.T61 }], [{ type: CN, value: 'x' }]]);
  const rdns = readNameDer(der);
  assert.ok(!('error' in rdns));
  assert.equal(formatName(rdns), 'CN=x,O=Caf\\C3\\A9');
  assert.deepEqual(organizationsOf(rdns), ['Café']);
  const truncated = readNameDer(der.subarray(0, der.length - 2));
  assert.ok('error' in truncated);
  assert.match(truncated.error, /claims \d+ bytes but only \d+ remain/);
});

/** Names that exercise every rule, printed by lean and by openssl from the same certificate. */
const trickyNames: Array<{ title: string; rdns: AttributeSpec[][] }> = [
  { title: 'specials', rdns: [[{ type: CN, value: 'a,b+c"d\\e<f>g;h=i/j' }]] },
  {
    title: 'leading # and space, trailing space',
    rdns: [[{ type: O, value: '#group' }], [{ type: '2.5.4.11', value: ' unit ' }], [{ type: CN, value: '# ' }]],
  },
  { title: 'lone # and lone space', rdns: [[{ type: O, value: '#' }], [{ type: CN, value: ' ' }]] },
  { title: 'empty value', rdns: [[{ type: O, value: '' }], [{ type: CN, value: 'x' }]] },
  { title: 'control characters and DEL', rdns: [[{ type: CN, value: 'a\u0000b\u0001c\td\u001fe\u007f' }]] },
  {
    title: 'UTF-8, Latin-1 T61String, BMPString, UniversalString',
    rdns: [
      [{ type: '2.5.4.7', value: 'Zürich', tag: STRING_TAG.BMP }],
      [{ type: O, value: 'Café ÿ', tag: STRING_TAG.T61 }],
      [{ type: '2.5.4.8', value: 'Sø Paulo 日本' }],
      [{ type: CN, value: '𝄞 music', tag: STRING_TAG.UNIVERSAL }],
    ],
  },
  {
    title: 'unknown attribute type',
    rdns: [
      [{ type: '1.2.3.4.5', value: 'foo' }],
      [{ type: '1.3.6.1.4.1.99999.1', value: 'x,y', tag: STRING_TAG.PRINTABLE }],
    ],
  },
  // openssl refuses INTEGER and OCTET STRING values, but reads (and dumps) these.
  {
    title: 'non-string values',
    rdns: [
      [{ type: CN, value: tlv(0x03, Uint8Array.of(0x00, 0xde, 0xad)) }],
      [{ type: O, value: tlv(0x30, new Uint8Array(0)) }],
      [{ type: '1.2.3.4', value: tlv(0x30, tlv(0x0c, Uint8Array.of(0x41))) }],
    ],
  },
  { title: 'NumericString', rdns: [[{ type: '2.5.4.5', value: tlv(0x12, Uint8Array.of(0x31, 0x20, 0x32)) }]] },
  {
    title: 'three-valued RDN among others',
    rdns: [
      [{ type: '2.5.4.6', value: 'US', tag: STRING_TAG.PRINTABLE }],
      [
        { type: O, value: 'a' },
        { type: '2.5.4.11', value: 'b' },
        { type: CN, value: 'c' },
      ],
      [{ type: '0.9.2342.19200300.100.1.25', value: 'local', tag: STRING_TAG.IA5 }],
    ],
  },
  {
    title: 'the usual attribute types',
    rdns: [
      [{ type: '0.9.2342.19200300.100.1.25', value: 'com', tag: STRING_TAG.IA5 }],
      [{ type: '2.5.4.6', value: 'US', tag: STRING_TAG.PRINTABLE }],
      [{ type: '2.5.4.8', value: 'WA' }],
      [{ type: '2.5.4.7', value: 'Redmond' }],
      [{ type: '2.5.4.9', value: '1 Microsoft Way' }],
      [{ type: '2.5.4.17', value: '98052' }],
      [{ type: O, value: 'Contoso' }],
      [{ type: '2.5.4.11', value: 'Ops' }],
      [{ type: '2.5.4.12', value: 'Admin' }],
      [{ type: '2.5.4.4', value: 'Doe' }],
      [{ type: '2.5.4.42', value: 'Jane' }],
      [{ type: '2.5.4.5', value: '1234', tag: STRING_TAG.PRINTABLE }],
      [{ type: '2.5.4.97', value: 'VATUS-1' }],
      [{ type: '1.3.6.1.4.1.311.60.2.1.3', value: 'US', tag: STRING_TAG.PRINTABLE }],
      [{ type: '2.5.4.15', value: 'Private Organization' }],
      [{ type: '1.2.840.113549.1.9.1', value: 'jane@contoso.com', tag: STRING_TAG.IA5 }],
      [{ type: '0.9.2342.19200300.100.1.1', value: 'jdoe' }],
      [{ type: CN, value: 'Jane Doe' }],
    ],
  },
];

test('invalid UTF-8 in a UTF8String (which openssl refuses to load) prints its bytes escaped', () => {
  const rdns = readNameDer(name([[{ type: CN, value: tlv(0x0c, Uint8Array.of(0x61, 0xff, 0xc3)) }]]));
  assert.ok(!('error' in rdns));
  assert.equal(formatName(rdns), 'CN=a\\FF\\C3');
  assert.equal(commonNameOf(rdns), 'a\ufffd\ufffd');
});

function leanNames(der: Uint8Array): { subject: string; issuer: string } {
  const summary = readCertificateSummary(der, nodeSha256);
  if ('error' in summary) assert.fail(summary.error);
  return { subject: summary.subject, issuer: summary.issuer };
}

function certificateWith(subject: AttributeSpec[][], issuer?: AttributeSpec[][]): Uint8Array {
  return buildCertificate(
    { serial: Uint8Array.of(1), subject, issuer, notBefore: '2024-01-01T00:00:00Z', notAfter: '2025-01-01T00:00:00Z' },
    signer,
  );
}

test('tricky names print exactly as openssl -nameopt RFC2253 prints them', { skip: noOpenssl }, () => {
  const ders = trickyNames.map(({ rdns }) => certificateWith(rdns));
  const expected = opensslNames(ders);
  for (const [index, der] of ders.entries())
    assert.deepEqual(leanNames(der), expected[index], trickyNames[index].title);
});

// Attribute types: the usual ones, a rare known one, and unknown ones.
const types = fc.constantFrom(
  CN,
  O,
  '2.5.4.11',
  '2.5.4.6',
  '2.5.4.7',
  '0.9.2342.19200300.100.1.25',
  '1.2.840.113549.1.9.1',
  '2.5.4.65',
  '1.2.3.4',
  '1.3.6.1.4.1.311.21.7',
);
// Characters that need every kind of treatment, plus any Unicode.
const characters = fc.oneof(
  fc.constantFrom(
    ',',
    '+',
    '"',
    '\\',
    '<',
    '>',
    ';',
    '#',
    ' ',
    '=',
    '/',
    '\t',
    '\u0000',
    '\u007f',
    'é',
    'ß',
    '日',
    '😀',
  ),
  fc.string({ minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const text = fc.array(characters, { maxLength: 8 }).map((parts) => parts.join(''));
const attribute: fc.Arbitrary<AttributeSpec> = fc.oneof(
  fc.record({ type: types, value: text, tag: fc.constant<number>(STRING_TAG.UTF8) }),
  fc.record({
    type: types,
    value: text.map((value) => value.replace(/[^\u0000-\u00ff]/g, 'x')),
    tag: fc.constantFrom<number>(STRING_TAG.PRINTABLE, STRING_TAG.T61, STRING_TAG.IA5),
  }),
  fc.record({
    type: types,
    value: text.map((value) => value.replace(/[\ud800-\udfff]/g, 'x')),
    tag: fc.constant<number>(STRING_TAG.BMP),
  }),
  fc.record({ type: types, value: text, tag: fc.constant<number>(STRING_TAG.UNIVERSAL) }),
);
const rdnsArbitrary = fc.array(fc.array(attribute, { minLength: 1, maxLength: 3 }), { maxLength: 5 });

test('random names print exactly as openssl prints them (fast-check, one openssl batch)', { skip: noOpenssl }, () => {
  // Each certificate carries two random names (subject and issuer): an openssl run costs, a name does not.
  const samples = fc.sample(fc.tuple(rdnsArbitrary, rdnsArbitrary), { numRuns: 40, seed: 4514 });
  const ders = samples.map(([subject, issuer]) => certificateWith(subject, issuer));
  const expected = opensslNames(ders);
  for (const [index, der] of ders.entries())
    assert.deepEqual(leanNames(der), expected[index], JSON.stringify(samples[index]));
});

test('formatting from the attributes alone equals formatting from DER for UTF8String values (fast-check)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.record({ type: types, value: text }), { minLength: 1, maxLength: 3 }), { maxLength: 5 }),
      (rdns) => {
        const fromDer = readNameDer(name(rdns));
        assert.ok(!('error' in fromDer));
        assert.equal(formatName(rdns), formatName(fromDer));
        assert.equal(commonNameOf(rdns), commonNameOf(fromDer));
        assert.deepEqual(organizationsOf(rdns), organizationsOf(fromDer));
      },
    ),
    { numRuns: 300 },
  );
});
