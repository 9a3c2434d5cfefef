import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range } from './valueFixtures';

const dnsEntry = (value: string) =>
  manifest(`  - kind: DNS\n    dns: ${value}\n    notBefore: "2020-01-01T00:00:00Z"\n`);

test('dns-invalid: a wildcard gets its own message, and the preferred fix writes the suffix', () => {
  const text = dnsEntry('"*.cluster.local"');
  const diagnostic = only(text, 'dns-invalid');
  assert.deepEqual(diagnostic.range, range(7, 9, 26));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(
    diagnostic.message,
    'Wildcard `*.cluster.local` is not supported: to revoke every name under `cluster.local`, write the suffix `.cluster.local` (a suffix also matches deeper names, such as `a.b.cluster.local`)',
  );
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Write the suffix `.cluster.local`');
  assert.equal(fixed, dnsEntry('".cluster.local"'));
  assert.deepEqual(diagnostics(fixed), []);
});

test('dns-invalid: bad names say what is wrong', () => {
  const message = (value: string) => only(dnsEntry(value), 'dns-invalid').message;
  assert.equal(
    message('a..b'),
    '`a..b` is not a valid DNS name: it has an empty label (two dots in a row, or a dot at the start of a name)',
  );
  assert.equal(
    message('"a b.example"'),
    '`a b.example` is not a valid DNS name: a space is not allowed in a DNS name (letters, digits, `-` and `_` only)',
  );
  assert.equal(
    message('10.0.0.1'),
    '`10.0.0.1` is not a valid DNS name: this is an IP address; use `kind: IP` with `ip:` for it',
  );
  assert.equal(
    message(`${'a'.repeat(64)}.example`),
    `\`${'a'.repeat(64)}.example\` is not a valid DNS name: the label \`aaaaaaaaaaaaaaaaaaaa…\` is 64 characters long; a label has at most 63`,
  );
  assert.equal(
    message('-a.example'),
    '`-a.example` is not a valid DNS name: the label `-a` starts or ends with `-`, which DNS names do not allow',
  );
});

test('dns-invalid: a URL or a port, with the host name one click away', () => {
  const text = dnsEntry('https://api.example.com:6443/healthz');
  const diagnostic = only(text, 'dns-invalid');
  assert.deepEqual(diagnostic.range, range(7, 9, 45));
  assert.equal(
    diagnostic.message,
    '`https://api.example.com:6443/healthz` is not a valid DNS name: this is a URL; write only its host name `api.example.com`',
  );
  const fixed = applyFix(text, diagnostic, 'Write `api.example.com`');
  assert.equal(fixed, dnsEntry('api.example.com'));
  assert.deepEqual(diagnostics(fixed), []);

  const port = dnsEntry('"api.example.com:6443"');
  const onPort = only(port, 'dns-invalid');
  assert.equal(
    onPort.message,
    '`api.example.com:6443` is not a valid DNS name: a port is not part of a DNS name; write `api.example.com`',
  );
  assert.equal(applyFix(port, onPort, 'Write `api.example.com`'), dnsEntry('"api.example.com"'));
});

test('dns-invalid: empty or not text', () => {
  const empty = only(dnsEntry('""'), 'dns-invalid');
  assert.deepEqual(empty.range, range(7, 9, 11));
  assert.equal(
    empty.message,
    '`dns` is empty: write a DNS name such as `kubernetes.default.svc` or a suffix such as `.cluster.local`',
  );
  const nothing = only(dnsEntry(''), 'dns-invalid');
  assert.deepEqual(nothing.range, range(7, 4, 7));
  assert.equal(nothing.message, empty.message);
  const number = only(dnsEntry('123'), 'dns-invalid');
  assert.deepEqual(number.range, range(7, 9, 12));
  assert.equal(
    number.message,
    '`dns` must be text, a DNS name such as `kubernetes.default.svc` or a suffix such as `.cluster.local`; YAML reads the number 123 here',
  );
});

test('dns-invalid: near misses: names, trailing dots, suffixes, any case, service labels; and dns fields of other kinds', () => {
  for (const value of [
    'kubernetes.default.svc.',
    '.cluster.local',
    'Kubernetes.Default.SVC',
    '_etcd-server._tcp.example',
    'localhost',
    '1.2.3.example',
  ]) {
    assert.deepEqual(diagnostics(dnsEntry(value), 'dns-invalid'), [], value);
  }
  assert.deepEqual(diagnostics(manifest('  - kind: IP\n    ip: 10.0.0.1\n    dns: a..b\n'), 'dns-invalid'), []);
});
