// Bad DER never escapes readCertificateSummary as an exception: truncated, mutated, random,
// deeply nested or lying about its lengths, it yields a summary or a message saying what is wrong.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { readCertificateSummary } from '../../../server/src/service/x509/leanCertificate';
import { buildCertificate, createSigner, hexBytes, sequence, tlv } from './helpers/certificateBuilder';

const nodeSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const signer = createSigner();
const der = buildCertificate(
  {
    serial: hexBytes('00c0ffee'),
    subject: [[{ type: '2.5.4.10', value: 'system:nodes' }], [{ type: '2.5.4.3', value: 'system:node:n1' }]],
    notBefore: '2024-01-01T00:00:00Z',
    notAfter: '2025-01-01T00:00:00Z',
    dnsNames: ['n1.cluster.local'],
    ipAddresses: [Uint8Array.of(10, 0, 0, 1)],
    ca: false,
    extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'],
  },
  signer,
);

/** The result must be a complete summary or a non-empty message, and nothing may be thrown. */
function assertSummaryOrError(bytes: Uint8Array): void {
  const result = readCertificateSummary(bytes, nodeSha256);
  if ('error' in result) {
    assert.equal(typeof result.error, 'string');
    assert.match(result.error, /^the certificate does not decode: ./);
  } else {
    assert.equal(typeof result.serialNumber, 'string');
    assert.equal(typeof result.subject, 'string');
    assert.match(result.notBefore, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.match(result.sha256Fingerprint, /^[0-9a-f]{64}$/);
  }
}

test('every truncation of a certificate is an error that says where it is cut short', () => {
  for (let length = 0; length < der.length; length++) {
    const result = readCertificateSummary(der.subarray(0, length), nodeSha256);
    assert.ok('error' in result, `a certificate cut to ${length} bytes read as a summary`);
    if (length === 0)
      assert.equal(
        result.error,
        'the certificate does not decode: the certificate is missing (the data ends at byte 0)',
      );
    else assert.match(result.error, /cut off|claims \d+ bytes but only \d+ remain|is missing/);
  }
});

test('a length that runs past the end names the field, the claim and what remains', () => {
  const lying = new Uint8Array(der);
  lying[1] = 0x82; // keep the long form; claim 0xffff bytes
  lying[2] = 0xff;
  lying[3] = 0xff;
  const result = readCertificateSummary(lying, nodeSha256);
  assert.deepEqual(result, {
    error: `the certificate does not decode: the certificate at byte 0 claims 65535 bytes but only ${der.length - 4} remain`,
  });
});

test('indefinite lengths, over-long length fields and wrong tags get their own messages', () => {
  assert.deepEqual(readCertificateSummary(Uint8Array.of(0x30, 0x80, 0x00, 0x00), nodeSha256), {
    error:
      'the certificate does not decode: the certificate at byte 0 has an indefinite length, which DER does not allow',
  });
  assert.deepEqual(readCertificateSummary(Uint8Array.of(0x30, 0x85, 1, 0, 0, 0, 0), nodeSha256), {
    error: 'the certificate does not decode: the certificate at byte 0 claims a length of 5 octets',
  });
  assert.deepEqual(readCertificateSummary(Uint8Array.of(0x04, 0x00), nodeSha256), {
    error: 'the certificate does not decode: the certificate at byte 0 has tag 0x04, expected 0x30',
  });
});

test('bad times and empty serials are errors, not summaries', () => {
  const badMonth = new Uint8Array(der);
  const at = Buffer.from(badMonth).indexOf(Buffer.from('240101000000Z'));
  badMonth.set([0x31, 0x33], at + 2); // month 13
  assert.match(
    (readCertificateSummary(badMonth, nodeSha256) as { error: string }).error,
    /notBefore is not a valid date and time/,
  );
  const emptySerial = sequence(
    sequence(tlv(0xa0, tlv(0x02, Uint8Array.of(2))), tlv(0x02, new Uint8Array(0))),
    sequence(),
    tlv(0x03, Uint8Array.of(0)),
  );
  assert.deepEqual(readCertificateSummary(emptySerial, nodeSha256), {
    error: 'the certificate does not decode: the serial number is empty',
  });
});

test('deep nesting is read without recursion and refused as a certificate', () => {
  const depth = 100_000;
  const nested = new Uint8Array(depth * 2);
  for (let i = 0; i < depth; i++) nested.set([0x30, 0x80], i * 2); // constructed, indefinite
  assert.ok('error' in readCertificateSummary(nested, nodeSha256));
  let deep: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < 2000; i++) deep = sequence(deep);
  assert.ok('error' in readCertificateSummary(deep, nodeSha256));
});

test('a SHA-256 function that throws is reported, not thrown', () => {
  const result = readCertificateSummary(der, () => {
    throw new Error('no hash here');
  });
  assert.deepEqual(result, { error: 'the certificate does not decode: no hash here' });
});

test('mutated certificates yield a summary or an error, never an exception (fast-check)', () => {
  const mutation = fc.array(
    fc.record({ at: fc.nat({ max: der.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }),
    { minLength: 1, maxLength: 8 },
  );
  fc.assert(
    fc.property(mutation, fc.nat({ max: der.length }), (changes, cut) => {
      const bytes = new Uint8Array(der);
      for (const { at, value } of changes) bytes[at] = value;
      assertSummaryOrError(bytes);
      assertSummaryOrError(bytes.subarray(0, cut));
    }),
    { numRuns: 2000 },
  );
});

test('random bytes, and random bytes behind a certificate header, never throw (fast-check)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
      assertSummaryOrError(bytes);
      assertSummaryOrError(tlv(0x30, bytes));
      assertSummaryOrError(sequence(tlv(0x30, bytes), sequence(), tlv(0x03, Uint8Array.of(0))));
    }),
    { numRuns: 1000 },
  );
});
