import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  canonicalSerial,
  canonicalSerialFromDer,
  canonicalSerialFromDerHex,
  parseSerial,
  serialColonForm,
  serialDecimal,
  serialOctetCount,
  serialValue,
  type Serial,
} from '../../../server/src/service/values/serial';

function serialOf(text: string): Serial {
  const parsed = parseSerial(text);
  assert.ok(parsed.ok, `${text} should parse`);
  return parsed.serial;
}

test('the canonical serial: lowercase, no separators, no prefix, no leading zeros', () => {
  assert.equal(canonicalSerial('77fdf4b1033b387aaace6ce1c18710c2'), '77fdf4b1033b387aaace6ce1c18710c2');
  assert.equal(canonicalSerial('77:FD:F4:B1:03:3B:38:7A:AA:CE:6C:E1:C1:87:10:C2'), '77fdf4b1033b387aaace6ce1c18710c2');
  assert.equal(canonicalSerial('77 fd f4 b1'), '77fdf4b1');
  assert.equal(canonicalSerial('0x00FF'), 'ff');
  assert.equal(canonicalSerial('0X1f'), '1f');
  assert.equal(canonicalSerial('000'), '0');
  assert.equal(canonicalSerial('0x0'), '0');
  assert.equal(canonicalSerial('-0A'), '-a');
  assert.equal(canonicalSerial('-00'), '0');
  assert.equal(canonicalSerial('-0x:01'), '-1');
});

test('what the text had that the canonical form has not', () => {
  assert.deepEqual(serialOf('77fd'), {
    negative: false,
    magnitude: '77fd',
    canonical: '77fd',
    hasPrefix: false,
    hasSeparators: false,
  });
  assert.equal(serialOf('77:fd').hasSeparators, true);
  assert.equal(serialOf(' 77fd').hasSeparators, true);
  assert.equal(serialOf('77\tfd').hasSeparators, true);
  assert.equal(serialOf('0x77fd').hasPrefix, true);
  assert.equal(serialOf('77FD').hasSeparators || serialOf('77FD').hasPrefix, false);
  assert.equal(serialOf('0077fd').hasSeparators || serialOf('0077fd').hasPrefix, false);
});

test('invalid serials say why', () => {
  assert.deepEqual(parseSerial(''), { ok: false, problem: 'empty', reason: 'the serial number is empty' });
  assert.deepEqual(parseSerial('   '), { ok: false, problem: 'empty', reason: 'the serial number is empty' });
  assert.deepEqual(parseSerial('77fg'), { ok: false, problem: 'not-hex', reason: '`g` is not a hexadecimal digit' });
  assert.deepEqual(parseSerial('0x'), { ok: false, problem: 'not-hex', reason: 'there are no hexadecimal digits' });
  assert.deepEqual(parseSerial('::'), { ok: false, problem: 'not-hex', reason: 'there are no hexadecimal digits' });
  assert.deepEqual(parseSerial('77-fd'), { ok: false, problem: 'not-hex', reason: '`-` is not a hexadecimal digit' });
  assert.deepEqual(parseSerial('+12'), { ok: false, problem: 'not-hex', reason: '`+` is not a hexadecimal digit' });
  assert.equal(parseSerial('1.5').ok, false);
});

test('the 20-octet limit counts DER content octets (a set top bit needs a zero octet)', () => {
  const twenty = '7f'.repeat(20);
  assert.equal(parseSerial(twenty).ok, true);
  assert.equal(serialOctetCount(serialOf(twenty)), 20);
  const topBit = `80${'00'.repeat(19)}`;
  const tooLong = parseSerial(topBit);
  assert.equal(tooLong.ok, false);
  assert.ok(!tooLong.ok);
  assert.equal(tooLong.problem, 'too-long');
  assert.equal(tooLong.reason, 'it is 21 octets long; RFC 5280 allows at most 20');
  assert.equal(tooLong.serial?.canonical, topBit);
  assert.equal(canonicalSerial(topBit), topBit);
  // Leading zeros do not count.
  assert.equal(parseSerial(`0000${twenty}`).ok, true);
  assert.equal(parseSerial('7f'.repeat(21)).ok, false);
});

test('octet counts, both signs', () => {
  const count = (text: string) => serialOctetCount(serialOf(text));
  assert.equal(count('0'), 1);
  assert.equal(count('7f'), 1);
  assert.equal(count('80'), 2);
  assert.equal(count('ff'), 2);
  assert.equal(count('100'), 2);
  assert.equal(count('-80'), 1); // -128 fits one octet
  assert.equal(count('-81'), 2);
  assert.equal(count('-1'), 1);
  assert.equal(count('-8000'), 2);
});

test("octet counts equal the length of the minimal two's complement, for any hex digits and sign", () => {
  // The reference: the shortest n with -2^(8n-1) <= value < 2^(8n-1), counted with BigInt.
  const reference = (value: bigint) => {
    let octets = 1;
    while (value >= 1n << BigInt(8 * octets - 1) || value < -(1n << BigInt(8 * octets - 1))) octets++;
    return octets;
  };
  fc.assert(
    fc.property(fc.boolean(), fc.stringMatching(/^[0-9a-fA-F]{1,44}$/), (negative, digits) => {
      const parsed = parseSerial(`${negative ? '-' : ''}${digits}`);
      // Beyond 20 octets the parse is refused as too-long but still carries the serial.
      const serial = parsed.ok ? parsed.serial : parsed.serial;
      assert.ok(serial);
      const value = BigInt(`0x${digits}`) * (serial.negative ? -1n : 1n);
      assert.equal(serialOctetCount(serial), reference(value), `${negative ? '-' : ''}${digits}`);
    }),
    { numRuns: 2000 },
  );
});

test('colon form and decimal', () => {
  const serial = serialOf('77fdf4b1033b387aaace6ce1c18710c2');
  assert.equal(serialColonForm(serial), '77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2');
  assert.equal(serialDecimal(serial), BigInt('0x77fdf4b1033b387aaace6ce1c18710c2').toString());
  assert.equal(serialColonForm(serialOf('abc')), '0a:bc');
  assert.equal(serialColonForm(serialOf('0')), '00');
  assert.equal(serialColonForm(serialOf('-1ff')), '-01:ff');
  assert.equal(serialDecimal(serialOf('-ff')), '-255');
  assert.equal(serialValue(serialOf('10')), 16n);
});

test("from DER INTEGER content octets (two's complement)", () => {
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0x00)), '0');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0x00, 0x80)), '80');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0x7f)), '7f');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0x80)), '-80');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0xff)), '-1');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0xff, 0x01)), '-ff');
  assert.equal(canonicalSerialFromDer(Uint8Array.of(0x01, 0x00)), '100');
  assert.equal(canonicalSerialFromDer(new Uint8Array()), '0');
  assert.equal(canonicalSerialFromDerHex('0080'), '80');
  assert.equal(canonicalSerialFromDerHex('FF01'), '-ff');
});

/** Minimal two's complement content octets of a value, as a DER encoder writes them. */
function derContent(value: bigint): Uint8Array {
  let length = 1;
  while (value < -(1n << BigInt(length * 8 - 1)) || value >= 1n << BigInt(length * 8 - 1)) length++;
  const unsigned = value < 0n ? value + (1n << BigInt(length * 8)) : value;
  const hex = unsigned.toString(16).padStart(length * 2, '0');
  return Uint8Array.from(hex.match(/../g)!.map((pair) => parseInt(pair, 16)));
}

test('property: DER content decodes to the canonical form of its value, and its length is the octet count', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: -(1n << 200n), max: 1n << 200n }), (value) => {
      const content = derContent(value);
      const canonical = canonicalSerialFromDer(content);
      assert.equal(canonical, value < 0n ? `-${(-value).toString(16)}` : value.toString(16));
      const parsed = parseSerial(canonical);
      const serial = parsed.ok ? parsed.serial : parsed.serial!;
      assert.equal(serialOctetCount(serial), content.length);
      assert.equal(serialValue(serial), value);
    }),
  );
});

test('property: canonical is idempotent and survives any separators, prefix and case', () => {
  const written = fc.record({
    negative: fc.boolean(),
    prefix: fc.constantFrom('', '0x', '0X'),
    digits: fc.array(fc.constantFrom(...'0123456789abcdefABCDEF'), { minLength: 1, maxLength: 44 }),
    separators: fc.array(fc.constantFrom('', ':', ' '), { minLength: 44, maxLength: 44 }),
  });
  fc.assert(
    fc.property(written, ({ negative, prefix, digits, separators }) => {
      const text = `${negative ? '-' : ''}${prefix}${digits.map((digit, i) => digit + separators[i]).join('')}`;
      const canonical = canonicalSerial(text);
      assert.ok(canonical !== undefined);
      assert.equal(canonicalSerial(canonical), canonical);
      const value = BigInt(`0x${digits.join('')}`);
      assert.equal(canonical, (negative && value !== 0n ? '-' : '') + value.toString(16));
    }),
  );
});
