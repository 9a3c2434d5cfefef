import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnostics, manifest, only, range } from './valueFixtures';

const ipEntry = (value: string) => manifest(`  - kind: IP\n    ip: ${value}\n    notBefore: "2020-01-01T00:00:00Z"\n`);

test('ip-invalid: a CIDR range gets its own message', () => {
  const diagnostic = only(ipEntry('10.0.0.0/8'), 'ip-invalid');
  assert.deepEqual(diagnostic.range, range(7, 8, 18));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(
    diagnostic.message,
    '`10.0.0.0/8` is a CIDR range, and ranges are not supported: an IP entry matches one address. Write one entry per address',
  );
  assert.equal(
    only(ipEntry('"fd00::/8"'), 'ip-invalid').message,
    '`fd00::/8` is a CIDR range, and ranges are not supported: an IP entry matches one address. Write one entry per address',
  );
});

test('ip-invalid: not an address, a zone id, a port, a leading zero', () => {
  const message = (value: string) => only(ipEntry(value), 'ip-invalid').message;
  assert.equal(
    message('300.1.1.1'),
    '`300.1.1.1` is not a valid IP address: it is not an IPv4 address (`10.0.0.1`) or an IPv6 address (`fd00::1`)',
  );
  assert.equal(
    message('"fe80::1%eth0"'),
    "`fe80::1%eth0` is not a valid IP address: a zone id (`%…`) is not part of a certificate's address; write `fe80::1`",
  );
  assert.equal(
    message('10.0.0.1:6443'),
    '`10.0.0.1:6443` is not a valid IP address: a port is not part of an address; write `10.0.0.1`',
  );
  assert.equal(
    message('010.0.0.1'),
    '`010.0.0.1` is not a valid IP address: an IPv4 part with a leading zero is ambiguous (octal to some tools); remove the leading zeros',
  );
  assert.equal(
    message('"1::2::3"'),
    '`1::2::3` is not a valid IP address: it is not an IPv4 address (`10.0.0.1`) or an IPv6 address (`fd00::1`)',
  );
});

test('ip-invalid: empty or not text', () => {
  const empty = only(ipEntry("''"), 'ip-invalid');
  assert.deepEqual(empty.range, range(7, 8, 10));
  assert.equal(
    empty.message,
    '`ip` is empty: write an IPv4 address such as `10.0.0.1` or an IPv6 address such as `fd00::1`',
  );
  const number = only(ipEntry('10'), 'ip-invalid');
  assert.deepEqual(number.range, range(7, 8, 10));
  assert.equal(
    number.message,
    '`ip` must be text, an IPv4 address such as `10.0.0.1` or an IPv6 address such as `fd00::1`; YAML reads the number 10 here',
  );
});

test('ip-invalid: near misses: IPv4, IPv6 in every form, IPv4-mapped; ip fields of other kinds', () => {
  for (const value of [
    '170.63.128.124',
    '::1',
    '"::ffff:10.0.0.1"',
    '2001:DB8:0:0:0:0:0:1',
    '"0:0:0:0:0:ffff:a00:1"',
    '64:ff9b::192.0.2.33',
  ]) {
    assert.deepEqual(diagnostics(ipEntry(value), 'ip-invalid'), [], value);
  }
  assert.deepEqual(diagnostics(manifest('  - kind: DNS\n    dns: a.example\n    ip: 10.0.0.0/8\n'), 'ip-invalid'), []);
});
