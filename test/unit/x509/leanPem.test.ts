// The bulk PEM splitter: every certificate block in order with its offset, other blocks skipped,
// broken blocks named; Node's Buffer and the portable decoder give the same bytes.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBase64 } from '../../../server/src/service/x509/base64';
import { bulkBase64Decoder } from '../../../server/src/service/x509/bulkBase64';
import { findPemCertificates } from '../../../server/src/service/x509/pemCertificates';
import { buildCertificate, createSigner, toPem } from './helpers/certificateBuilder';

const signer = createSigner();
const certificate = (serial: number): Uint8Array =>
  buildCertificate(
    {
      serial: Uint8Array.of(serial),
      subject: [[{ type: '2.5.4.3', value: `c${serial}` }]],
      notBefore: '2024-01-01T00:00:00Z',
      notAfter: '2025-01-01T00:00:00Z',
    },
    signer,
  );
const portable = (text: string): Uint8Array | undefined => {
  const result = decodeBase64(text);
  return result.ok ? result.bytes : undefined;
};

test('every CERTIFICATE and TRUSTED CERTIFICATE block, in order, with the offset of its BEGIN line', () => {
  const [one, two, three] = [certificate(1), certificate(2), certificate(3)];
  const key = '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n';
  const trusted = toPem(three).replace(/CERTIFICATE/g, 'TRUSTED CERTIFICATE');
  const text = `intro\n${toPem(one)}${key}${toPem(two).replace(/\n/g, '\r\n')}${trusted}`;
  const blocks = findPemCertificates(text);
  assert.deepEqual(
    blocks.map((block) => block.offset),
    [6, text.indexOf('-----BEGIN CERTIFICATE-----', 7), text.indexOf('-----BEGIN TRUSTED')],
  );
  assert.deepEqual(
    blocks.map((block) => ('der' in block ? Array.from(block.der) : block.error)),
    [Array.from(one), Array.from(two), Array.from(three)],
  );
});

test('broken blocks are named: no END line, a body that is not base64, an empty body', () => {
  const good = toPem(certificate(4));
  const text = `-----BEGIN CERTIFICATE-----\nAAAA\n${good}-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nAAAA`;
  const blocks = findPemCertificates(text);
  assert.deepEqual(
    blocks.map((block) => ('der' in block ? 'der' : block.error)),
    [
      'the CERTIFICATE block has no `-----END CERTIFICATE-----` line',
      'der',
      'the body of the CERTIFICATE block is not base64',
      'the CERTIFICATE block is empty',
      'the CERTIFICATE block has no `-----END CERTIFICATE-----` line',
    ],
  );
});

test('a text without blocks, or with only other blocks, has no certificates', () => {
  assert.deepEqual(findPemCertificates(''), []);
  assert.deepEqual(findPemCertificates('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n-----BEGIN '), []);
});

test('the host decoder and the portable decoder read every base64 body alike (fast-check)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.constantFrom('\n', '\r\n'), (bytes, newline) => {
      const body = Buffer.from(bytes).toString('base64').replace(/.{64}/g, `$&${newline}`);
      const text = `-----BEGIN CERTIFICATE-----${newline}${body}${newline}-----END CERTIFICATE-----${newline}`;
      const fast = findPemCertificates(text, bulkBase64Decoder);
      const slow = findPemCertificates(text, portable);
      assert.equal(fast.length, 1);
      assert.deepEqual('der' in fast[0] ? Array.from(fast[0].der) : fast[0].error, Array.from(bytes));
      assert.deepEqual('der' in slow[0] ? Array.from(slow[0].der) : slow[0].error, Array.from(bytes));
    }),
    { numRuns: 300 },
  );
});
