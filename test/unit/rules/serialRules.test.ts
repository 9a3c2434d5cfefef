import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range } from './valueFixtures';

const SERIAL_CODES = ['serial-invalid', 'serial-not-canonical', 'serial-number-type'];
const serialEntry = (value: string) =>
  manifest(`  - kind: serialnumber\n    serialNumber: ${value}\n    notBefore: "2020-04-17T17:22:05Z"\n`);
const serialFindings = (text: string) => diagnostics(text).filter((d) => SERIAL_CODES.includes(d.code));

test('serial-invalid: not hexadecimal, on the value, says which character', () => {
  const diagnostic = only(serialEntry('77fg'), 'serial-invalid');
  assert.deepEqual(diagnostic.range, range(7, 18, 22));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(
    diagnostic.message,
    'The serial number `77fg` is not hexadecimal: `g` is not a hexadecimal digit. Write the serial in hex digits (0-9, a-f), as `openssl x509 -noout -serial` prints it',
  );
});

test('serial-invalid: empty (quoted, or nothing after the key), and longer than 20 octets', () => {
  const empty =
    "The serial number is empty: write the certificate's serial number in hexadecimal, like `77fdf4b1033b387aaace6ce1c18710c2`";
  const quoted = only(serialEntry('""'), 'serial-invalid');
  assert.deepEqual([quoted.range, quoted.message], [range(7, 18, 20), empty]);
  const nothing = only(serialEntry(''), 'serial-invalid');
  assert.deepEqual([nothing.range, nothing.message], [range(7, 4, 16), empty]);
  const nul = only(serialEntry('null'), 'serial-invalid');
  assert.deepEqual([nul.range, nul.message], [range(7, 18, 22), empty]);

  const tooLong = only(serialEntry('ff'.repeat(20)), 'serial-invalid');
  assert.deepEqual(tooLong.range, range(7, 18, 58));
  assert.equal(
    tooLong.message,
    'The serial number is longer than 20 octets: it is 21 octets long; RFC 5280 allows at most 20. Check that it was copied whole and alone',
  );
});

test('serial-invalid: a mapping, a list or a boolean is no serial', () => {
  const map = only(serialEntry('{a: 1}'), 'serial-invalid');
  assert.deepEqual(map.range, range(7, 18, 24));
  assert.equal(
    map.message,
    'The serial number must be hexadecimal text, like `77fdf4b1033b387aaace6ce1c18710c2`; YAML reads a mapping here',
  );
  assert.equal(
    only(serialEntry('[ab]'), 'serial-invalid').message,
    'The serial number must be hexadecimal text, like `77fdf4b1033b387aaace6ce1c18710c2`; YAML reads a list here',
  );
  assert.equal(
    only(serialEntry('true'), 'serial-invalid').message,
    'The serial number must be hexadecimal text, like `77fdf4b1033b387aaace6ce1c18710c2`; YAML reads the boolean true here',
  );
});

test('serial-*: near misses: upper case, leading zeros, negative, exactly 20 octets, and serials of other kinds', () => {
  for (const value of [
    '77fdf4b1033b387aaace6ce1c18710c2',
    '"0A1B"',
    '00ff',
    '"-0a"',
    '7f'.repeat(20),
    "'DEADBEEF'",
    '"0"',
  ]) {
    assert.deepEqual(serialFindings(serialEntry(value)), [], value);
  }
  // A serialNumber in a DNS entry is field-kind-mismatch's, not ours.
  assert.deepEqual(serialFindings(manifest('  - kind: DNS\n    dns: a.example\n    serialNumber: 1234\n')), []);
  // Entries whose kind is unknown are the schema's.
  assert.deepEqual(serialFindings(manifest('  - kind: serial\n    serialNumber: 0x1f\n')), []);
});

test('serial-not-canonical: colons, on the value, with the canonical form; the fix writes it and keeps the quotes', () => {
  const text = serialEntry('"77:FD:f4"');
  const diagnostic = only(text, 'serial-not-canonical');
  assert.deepEqual(diagnostic.range, range(7, 18, 28));
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(
    diagnostic.message,
    'The serial number `77:FD:f4` has colons: write it in the canonical form `77fdf4` (hex digits only), as certificates and this extension show it',
  );
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Write the serial number as `77fdf4`');
  assert.equal(fixed, serialEntry('"77fdf4"'));
  assert.deepEqual(serialFindings(fixed), []);
});

test('serial-not-canonical: 0x prefix, spaces, both; plain values stay plain unless YAML would read a number', () => {
  const prefixed = serialEntry("'0x1F'");
  const onPrefix = only(prefixed, 'serial-not-canonical');
  assert.equal(
    onPrefix.message,
    'The serial number `0x1F` has a `0x` prefix: write it in the canonical form `1f` (hex digits only), as certificates and this extension show it',
  );
  assert.equal(applyFix(prefixed, onPrefix, 'Write the serial number as `1f`'), serialEntry("'1f'"));

  const spaced = serialEntry('77 fd');
  const onSpaces = only(spaced, 'serial-not-canonical');
  assert.deepEqual(onSpaces.range, range(7, 18, 23));
  assert.equal(
    onSpaces.message,
    'The serial number `77 fd` has spaces: write it in the canonical form `77fd` (hex digits only), as certificates and this extension show it',
  );
  assert.equal(applyFix(spaced, onSpaces, 'Write the serial number as `77fd`'), serialEntry('77fd'));

  const both = only(serialEntry('"0x 12:34 "'), 'serial-not-canonical');
  assert.equal(
    only(serialEntry('" 77fd"'), 'serial-not-canonical').message,
    'The serial number ` 77fd` has spaces around it: write it in the canonical form `77fd` (hex digits only), as certificates and this extension show it',
  );
  assert.equal(
    both.message,
    'The serial number `0x 12:34 ` has a `0x` prefix, colons and spaces: write it in the canonical form `1234` (hex digits only), as certificates and this extension show it',
  );

  // `12:34` is text to YAML 1.2, but its canonical form `1234` would be a number: the fix quotes it.
  const digits = serialEntry('12:34');
  const onDigits = only(digits, 'serial-not-canonical');
  const fixed = applyFix(digits, onDigits, 'Write the serial number as `1234`');
  assert.equal(fixed, serialEntry('"1234"'));
  assert.deepEqual(serialFindings(fixed), []);
});

test('serial-number-type: digits lost, on the value; the fix quotes the text as written', () => {
  const text = serialEntry('1234567890123456789012');
  const diagnostic = only(text, 'serial-number-type');
  assert.deepEqual(diagnostic.range, range(7, 18, 40));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(
    diagnostic.message,
    'YAML reads the unquoted serial number `1234567890123456789012` as the number 1.2345678901234568e+21, not the digits written: put it in quotes',
  );
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Quote the serial number: `"1234567890123456789012"`');
  assert.equal(fixed, serialEntry('"1234567890123456789012"'));
  assert.deepEqual(serialFindings(fixed), []);
});

test('serial-number-type: hex and exponent forms, and plain digits', () => {
  const hex = serialEntry('0x1f');
  const onHex = only(hex, 'serial-number-type');
  assert.equal(
    onHex.message,
    'YAML reads the unquoted serial number `0x1f` as the number 31, not the digits written: put it in quotes',
  );
  // One step to the canonical serial, quoted: no second fix for the `0x`.
  const fixed = applyFix(hex, onHex, 'Write the serial number as `"1f"`');
  assert.equal(fixed, serialEntry('"1f"'));
  assert.deepEqual(serialFindings(fixed), []);
  const upper = serialEntry('0x1F');
  assert.equal(
    applyFix(upper, only(upper, 'serial-number-type'), 'Write the serial number as `"1f"`'),
    serialEntry('"1f"'),
  );
  // Leading zeros are fine (openssl prints them): quoted as written.
  const leadingZero = serialEntry('0123');
  assert.equal(
    applyFix(leadingZero, only(leadingZero, 'serial-number-type'), 'Quote the serial number: `"0123"`'),
    serialEntry('"0123"'),
  );

  assert.equal(
    only(serialEntry('1e5'), 'serial-number-type').message,
    'YAML reads the unquoted serial number `1e5` as the number 100000, not the digits written: put it in quotes',
  );
  assert.equal(
    only(serialEntry('1234'), 'serial-number-type').message,
    'YAML reads the unquoted serial number `1234` as the number 1234, not text: put it in quotes',
  );
  assert.equal(
    only(serialEntry('0123'), 'serial-number-type').message,
    'YAML reads the unquoted serial number `0123` as the number 123, not the digits written: put it in quotes',
  );
});

test("serial-invalid: openssl's `serial=0E7B…` output pasted whole gets a fix to the serial alone", () => {
  const pasted = serialEntry('serial=0E7B2A09C4F1');
  const diagnostic = only(pasted, 'serial-invalid');
  assert.equal(
    diagnostic.message,
    "The serial number `serial=0E7B2A09C4F1` still has openssl's `serial=` label: write the serial alone, `e7b2a09c4f1`",
  );
  const [fix] = fixesFor(pasted, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(pasted, diagnostic, 'Write the serial number as `e7b2a09c4f1`');
  assert.equal(fixed, serialEntry('e7b2a09c4f1'));
  assert.deepEqual(serialFindings(fixed), []);
  // Quoted, it stays quoted; all digits, it is quoted so that YAML keeps it text.
  const quoted = serialEntry('"serial=0E7B"');
  assert.equal(
    applyFix(quoted, only(quoted, 'serial-invalid'), 'Write the serial number as `e7b`'),
    serialEntry('"e7b"'),
  );
  const digits = serialEntry('serial=1234');
  assert.equal(
    applyFix(digits, only(digits, 'serial-invalid'), 'Write the serial number as `1234`'),
    serialEntry('"1234"'),
  );
  // Something else after the label is still just not hexadecimal.
  assert.match(only(serialEntry('serial=xyz'), 'serial-invalid').message, /is not hexadecimal/);
});

test('serial-number-type: near misses: quoted digits and plain text with letters', () => {
  for (const value of ['"1234"', "'0x1f'", '12ab', 'abc123']) {
    assert.deepEqual(diagnostics(serialEntry(value), 'serial-number-type'), [], value);
  }
});
