import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha1Hex, sha256Hex } from '../../../server/src/service/x509/digest';
import { decodeBase64 } from '../../../server/src/service/x509/base64';

test('SHA-256 and SHA-1 equal node:crypto for any bytes, across block boundaries', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
      assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'));
      assert.equal(sha1Hex(bytes), createHash('sha1').update(bytes).digest('hex'));
    }),
    { numRuns: 500 },
  );
  for (const size of [55, 56, 63, 64, 65, 119, 120, 4096]) {
    const bytes = new Uint8Array(size).map((_, i) => i * 7);
    assert.equal(sha256Hex(bytes), createHash('sha256').update(bytes).digest('hex'), `size ${size}`);
    assert.equal(sha1Hex(bytes), createHash('sha1').update(bytes).digest('hex'), `size ${size}`);
  }
});

test('base64 decodes what Buffer encodes, with or without padding and line breaks', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, wrap) => {
      let text = Buffer.from(bytes).toString('base64');
      if (wrap) text = text.replace(/(.{64})/g, '$1\r\n  ');
      const withPadding = decodeBase64(text);
      const withoutPadding = decodeBase64(text.replace(/=+$/, ''));
      assert.ok(withPadding.ok && withoutPadding.ok);
      assert.deepEqual(Array.from(withPadding.bytes), Array.from(bytes));
      assert.deepEqual(Array.from(withoutPadding.bytes), Array.from(bytes));
    }),
  );
});

test('base64 errors say what is wrong and where', () => {
  assert.deepEqual(decodeBase64('TWFu!'), { ok: false, reason: '`!` is not a base64 character', offset: 4 });
  assert.deepEqual(decodeBase64('TWE=TQ=='), {
    ok: false,
    reason: 'base64 data goes on after the `=` padding',
    offset: 4,
  });
  assert.equal(decodeBase64('TWFuT').ok, false);
  assert.equal(decodeBase64('TWE===').ok, false);
});
