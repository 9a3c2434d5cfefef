import assert from 'node:assert/strict';
import { isIP } from 'node:net';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  canonicalIp,
  canonicalIpFromBytes,
  ipKeyFromBytes,
  isCidr,
  parseIp,
} from '../../../server/src/service/values/ip';

function key(text: string): string {
  const parsed = parseIp(text);
  assert.ok(parsed.ok, text);
  return parsed.key;
}

test('IPv4: dotted, each part 0–255, no leading zeros', () => {
  assert.equal(canonicalIp('170.63.128.124'), '170.63.128.124');
  assert.equal(canonicalIp('0.0.0.0'), '0.0.0.0');
  assert.equal(canonicalIp('255.255.255.255'), '255.255.255.255');
  assert.equal(canonicalIp('256.0.0.1'), undefined);
  assert.equal(canonicalIp('1.2.3'), undefined);
  assert.equal(canonicalIp('1.2.3.4.5'), undefined);
  assert.deepEqual(parseIp('010.0.0.1'), {
    ok: false,
    problem: 'leading-zero',
    reason: 'an IPv4 part with a leading zero is ambiguous (octal to some tools); remove the leading zeros',
  });
});

test('IPv6: every RFC 4291 form, to RFC 5952 text', () => {
  const cases: Array<[string, string]> = [
    ['2001:0DB8:0000:0000:0008:0800:200C:417A', '2001:db8::8:800:200c:417a'],
    ['2001:db8::8:800:200c:417a', '2001:db8::8:800:200c:417a'],
    ['FF01:0:0:0:0:0:0:101', 'ff01::101'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['::', '::'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // one zero group is not compressed
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // the longest run
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of equal runs
    ['1::', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['0:0:0:0:0:0:13.1.68.3', '::d01:4403'],
    ['::13.1.68.3', '::d01:4403'],
    ['0:0:0:0:0:FFFF:129.144.52.38', '::ffff:129.144.52.38'],
    ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
    ['::FFFF:a00:1', '::ffff:10.0.0.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ];
  for (const [written, canonical] of cases) assert.equal(canonicalIp(written), canonical, written);
});

test('IPv6: malformed text is refused', () => {
  for (const text of [
    ':',
    ':::',
    '1:::2',
    '1::2::3',
    ':1::2',
    '1::2:',
    '1:2:3:4:5:6:7',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '12345::',
    'g::1',
    '::1.2.3',
    '::256.1.1.1',
    '1.2.3.4::',
    '::ffff:010.0.0.1',
  ]) {
    assert.equal(parseIp(text).ok, false, text);
  }
});

test('agrees with node:net isIP on what is an address', () => {
  const samples = [
    '1.2.3.4',
    '::1',
    '1::2::3',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:1.2.3.4',
    'fe80::1%eth0',
    '10.0.0.0/8',
    '::g',
    '1.2.3.04',
    '',
    'abc',
    '1:2:3:4:5:6:7:8',
    '::1:2:3:4:5:6:7',
  ];
  for (const sample of samples) {
    // Zone ids are addresses to Node, but never to a certificate.
    const expected = isIP(sample) !== 0 && !sample.includes('%');
    assert.equal(parseIp(sample).ok, expected, sample);
  }
});

test('IPv4-mapped IPv6 has the key of its IPv4 address', () => {
  assert.equal(key('::ffff:10.0.0.1'), '10.0.0.1');
  assert.equal(key('0:0:0:0:0:ffff:0a00:0001'), '10.0.0.1');
  assert.equal(key('10.0.0.1'), '10.0.0.1');
  assert.equal(key('::10.0.0.1'), '::a00:1'); // IPv4-compatible is not IPv4-mapped
  assert.equal(key('2001:DB8::1'), '2001:db8::1');
});

test('CIDR ranges, zones, brackets and ports get their own reasons', () => {
  assert.deepEqual(parseIp('10.0.0.0/8'), {
    ok: false,
    problem: 'cidr',
    reason: 'ranges are not supported: an IP entry matches one address; write one entry per address',
  });
  const v6Range = parseIp('fd00::/8');
  assert.equal(!v6Range.ok && v6Range.problem, 'cidr');
  assert.equal(isCidr('fd00::/8'), true);
  assert.equal(isCidr('10.0.0.1/32'), true);
  assert.equal(isCidr('10.0.0.1/33'), false);
  assert.equal(isCidr('10.0.0.1'), false);
  assert.deepEqual(parseIp('fe80::1%eth0'), {
    ok: false,
    problem: 'zone',
    reason: "a zone id (`%…`) is not part of a certificate's address; write `fe80::1`",
  });
  assert.deepEqual(parseIp('[fd00::1]'), {
    ok: false,
    problem: 'brackets',
    reason: 'write the address without brackets or port: `fd00::1`',
  });
  assert.deepEqual(parseIp('[fd00::1]:443'), {
    ok: false,
    problem: 'brackets',
    reason: 'write the address without brackets or port: `fd00::1`',
  });
  assert.deepEqual(parseIp('10.0.0.1:6443'), {
    ok: false,
    problem: 'port',
    reason: 'a port is not part of an address; write `10.0.0.1`',
  });
  assert.deepEqual(parseIp(' 10.0.0.1'), {
    ok: false,
    problem: 'invalid',
    reason: 'remove the spaces around the address',
  });
  assert.deepEqual(parseIp(''), { ok: false, problem: 'empty', reason: 'the IP address is empty' });
  assert.deepEqual(parseIp('example.com'), {
    ok: false,
    problem: 'invalid',
    reason: 'it is not an IPv4 address (`10.0.0.1`) or an IPv6 address (`fd00::1`)',
  });
});

test('from SAN octets', () => {
  assert.equal(canonicalIpFromBytes(Uint8Array.of(10, 0, 0, 1)), '10.0.0.1');
  const mapped = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1);
  assert.equal(canonicalIpFromBytes(mapped), '::ffff:10.0.0.1');
  assert.equal(ipKeyFromBytes(mapped), '10.0.0.1');
  assert.equal(canonicalIpFromBytes(new Uint8Array(16)), '::');
  assert.equal(canonicalIpFromBytes(new Uint8Array(8)), undefined);
  assert.equal(ipKeyFromBytes(new Uint8Array(5)), undefined);
});

const ipv6Bytes = fc.uint8Array({ minLength: 16, maxLength: 16 });
// Addresses with long zero runs, which random bytes rarely produce.
const sparseIpv6Bytes = fc
  .array(fc.constantFrom(0, 0, 0, 1, 0xffff, 0xdb8), { minLength: 8, maxLength: 8 })
  .map((groups) => Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff])));

test('property: IPv6 canonical text round-trips and matches the WHATWG URL serialiser', () => {
  fc.assert(
    fc.property(fc.oneof(ipv6Bytes, sparseIpv6Bytes), (bytes) => {
      const text = canonicalIpFromBytes(bytes)!;
      const reparsed = parseIp(text);
      assert.ok(reparsed.ok, text);
      assert.deepEqual(Array.from(reparsed.address.bytes), Array.from(bytes));
      assert.equal(reparsed.canonical, text);
      assert.equal(isIP(text), 6);
      // URL prints RFC 5952 too, except for IPv4-mapped addresses, which it writes in hex.
      const url = new URL(`http://[${text}]/`).hostname.slice(1, -1);
      if (!text.includes('.')) assert.equal(text, url);
    }),
  );
});

test('property: uncompressed, padded, upper-case text has the same canonical form', () => {
  fc.assert(
    fc.property(fc.oneof(ipv6Bytes, sparseIpv6Bytes), (bytes) => {
      const groups: string[] = [];
      for (let i = 0; i < 16; i += 2)
        groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16).padStart(4, '0').toUpperCase());
      assert.equal(canonicalIp(groups.join(':')), canonicalIpFromBytes(bytes));
      assert.equal(canonicalIp(canonicalIp(groups.join(':'))!), canonicalIpFromBytes(bytes));
    }),
  );
});

test('property: IPv4 canonical round-trips and keys equal its mapped form', () => {
  fc.assert(
    fc.property(fc.ipV4(), (text) => {
      assert.equal(canonicalIp(text), text);
      assert.equal(key(`::ffff:${text}`), text);
    }),
  );
});
