// The finder's base64 step: Node's decoder where the text is clean, the portable one otherwise,
// and always exactly the portable decoder's answer (bytes, or the reason and its offset).
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeBase64 } from '../../../server/src/service/x509/base64';
import { decodeBase64Checked } from '../../../server/src/service/x509/bulkBase64';

function same(text: string): void {
  const fast = decodeBase64Checked(text);
  const portable = decodeBase64(text);
  if (portable.ok && fast.ok) {
    assert.deepEqual(Array.from(fast.bytes), Array.from(portable.bytes), JSON.stringify(text));
    assert.equal(Object.getPrototypeOf(fast.bytes), Uint8Array.prototype, 'a plain Uint8Array, not a pooled Buffer');
  } else {
    assert.deepEqual(fast, portable, JSON.stringify(text));
  }
}

const wrapped = fc
  .record({
    bytes: fc.uint8Array({ maxLength: 300 }),
    width: fc.integer({ min: 1, max: 80 }),
    padding: fc.constantFrom('keep', 'drop', 'extra', 'one-less'),
    cut: fc.integer({ min: 0, max: 3 }),
    indent: fc.constantFrom('', '  ', '\t'),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ bytes, width, padding, cut, indent, eol }) => {
    let body = Buffer.from(bytes).toString('base64');
    if (padding === 'drop') body = body.replace(/=+$/, '');
    if (padding === 'extra') body += '=';
    if (padding === 'one-less') body = body.replace(/=$/, '');
    body = body.slice(0, body.length - cut);
    const lines: string[] = [];
    for (let i = 0; i < body.length; i += width) lines.push(indent + body.slice(i, i + width));
    return lines.join(eol);
  });

test('real base64, wrapped, indented, with padding kept, dropped, doubled or cut: the same answer', () => {
  fc.assert(fc.property(wrapped, same), { numRuns: 2000 });
});

test('text of base64 characters, whitespace, padding and strangers anywhere: the same answer', () => {
  const char = fc.constantFrom(...'AZaz09+/=== \t\r\n\n-_!%.é'.split(''));
  fc.assert(
    fc.property(
      fc.array(char, { maxLength: 40 }).map((chars) => chars.join('')),
      same,
    ),
    { numRuns: 3000 },
  );
});

test('edge cases by hand', () => {
  for (const text of [
    '',
    '=',
    '==',
    'A',
    'AA',
    'AAA',
    'AAAA',
    'AA==',
    'AA=',
    'AAA=',
    'AAA==',
    'AAAA=',
    'AA==AA',
    'A A A A',
    'AA = =',
    'AAAA\n',
    'AB\u00a0CD',
  ])
    same(text);
});
