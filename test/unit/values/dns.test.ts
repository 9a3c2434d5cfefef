import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isIP } from 'node:net';
import fc from 'fast-check';
import { checkDnsName, dnsLabelCount, isDnsSuffix, normalizeDnsName } from '../../../server/src/service/values/dns';

function refused(text: string) {
  const check = checkDnsName(text);
  assert.ok(!check.ok, `${text} should be refused`);
  return check;
}

test('valid names and suffixes, normalised for matching', () => {
  assert.deepEqual(checkDnsName('kubernetes.default.svc.'), {
    ok: true,
    isSuffix: false,
    normalized: 'kubernetes.default.svc',
  });
  assert.deepEqual(checkDnsName('.cluster.local'), { ok: true, isSuffix: true, normalized: '.cluster.local' });
  assert.deepEqual(checkDnsName('.Cluster.Local.'), { ok: true, isSuffix: true, normalized: '.cluster.local' });
  assert.deepEqual(checkDnsName('localhost'), { ok: true, isSuffix: false, normalized: 'localhost' });
  assert.equal(checkDnsName('_etcd-server._tcp.example.com').ok, true);
  assert.equal(checkDnsName('a1-b2.x').ok, true);
  assert.equal(checkDnsName('1.2.3.example').ok, true);
  assert.equal(checkDnsName(`${'a'.repeat(63)}.com`).ok, true);
  const longest = Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.') + '.a'; // 4*62 + 3 + 2 = 253
  assert.equal(longest.length, 253);
  assert.equal(checkDnsName(longest).ok, true);
  assert.equal(checkDnsName(`${longest}.`).ok, true);
});

test('normalisation removes one trailing dot and lowers the case', () => {
  assert.equal(normalizeDnsName('Kubernetes.Default.SVC.'), 'kubernetes.default.svc');
  assert.equal(normalizeDnsName('a..'), 'a.');
  assert.equal(normalizeDnsName('.Local'), '.local');
  assert.equal(isDnsSuffix('.local'), true);
  assert.equal(isDnsSuffix('local.'), false);
});

test('label counts', () => {
  assert.equal(dnsLabelCount('.local'), 1);
  assert.equal(dnsLabelCount('.com.'), 1);
  assert.equal(dnsLabelCount('.cluster.local'), 2);
  assert.equal(dnsLabelCount('kubernetes.default.svc.'), 3);
  assert.equal(dnsLabelCount('.'), 0);
});

test('wildcards suggest the suffix form', () => {
  assert.deepEqual(refused('*.cluster.local'), {
    ok: false,
    problem: 'wildcard',
    reason:
      'wildcards are not supported; to revoke every name under `cluster.local`, write the suffix `.cluster.local`',
    suggestion: '.cluster.local',
  });
  assert.equal(refused('*').problem, 'bad-char');
  assert.equal(refused('a.*.b').problem, 'bad-char');
});

test('URLs, IPs and ports are named as such', () => {
  assert.deepEqual(refused('https://api.example.com:6443/healthz'), {
    ok: false,
    problem: 'url',
    reason: 'this is a URL; write only its host name `api.example.com`',
    suggestion: 'api.example.com',
  });
  assert.equal(refused('https://10.0.0.1/').problem, 'ip');
  assert.equal(refused('10.0.0.1').reason, 'this is an IP address; use `kind: IP` with `ip:` for it');
  assert.equal(refused('fd00::1').problem, 'ip');
  assert.equal(refused('[fd00::1]').problem, 'ip');
  assert.deepEqual(refused('api.example.com:6443'), {
    ok: false,
    problem: 'port',
    reason: 'a port is not part of a DNS name; write `api.example.com`',
    suggestion: 'api.example.com',
  });
});

test('empty, bad characters, bad labels, lengths', () => {
  assert.equal(refused('').reason, 'the DNS name is empty');
  assert.equal(refused('  ').problem, 'empty');
  assert.equal(refused('.').problem, 'empty-label');
  assert.equal(refused('a..b').reason, 'it has an empty label (two dots in a row, or a dot at the start of a name)');
  assert.equal(refused('..b').problem, 'empty-label');
  assert.equal(refused('a b.com').reason, 'a space is not allowed in a DNS name (letters, digits, `-` and `_` only)');
  assert.equal(refused(' a.com').problem, 'bad-char');
  assert.equal(refused('a/b').reason, '`/` is not allowed in a DNS name (letters, digits, `-` and `_` only)');
  assert.equal(refused('exämple.com').problem, 'bad-char');
  assert.equal(refused('-a.com').reason, 'the label `-a` starts or ends with `-`, which DNS names do not allow');
  assert.equal(refused('a-.com').problem, 'hyphen');
  assert.equal(
    refused(`${'a'.repeat(64)}.com`).reason,
    'the label `aaaaaaaaaaaaaaaaaaaa…` is 64 characters long; a label has at most 63',
  );
  const tooLong = Array.from({ length: 4 }, () => 'a'.repeat(62)).join('.') + '.ab';
  assert.equal(refused(tooLong).reason, 'it is 254 characters long; a DNS name has at most 253');
});

test('property: valid names stay valid and normalise idempotently', () => {
  const label = fc.stringMatching(/^[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?$/);
  const name = fc
    .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 6 }), fc.boolean())
    .map(([suffix, labels, trailingDot]) => `${suffix ? '.' : ''}${labels.join('.')}${trailingDot ? '.' : ''}`);
  fc.assert(
    fc.property(name, (value) => {
      const check = checkDnsName(value);
      if (!check.ok && check.problem === 'ip') return; // `1.2.3.4` is a name-shaped IP
      assert.ok(check.ok, value);
      assert.equal(normalizeDnsName(check.normalized), check.normalized);
      assert.equal(checkDnsName(check.normalized).ok, true);
    }),
  );
});

/** A plain reading of the rules, to hold the one-regex fast path and the explaining path to the same answer. */
function referenceValid(text: string): boolean {
  let body = text.startsWith('.') ? text.slice(1) : text;
  if (body.endsWith('.')) body = body.slice(0, -1);
  if (body === '' || body.length > 253 || isIP(text) !== 0) return false;
  return body
    .split('.')
    .every((label) => /^[A-Za-z0-9_-]{1,63}$/.test(label) && !label.startsWith('-') && !label.endsWith('-'));
}

test('property: checkDnsName agrees with a plain reading of the rules', () => {
  const shaped = fc
    .array(fc.constantFrom('a', 'Z', '0', '9', '.', '-', '_'), { maxLength: 24 })
    .map((chars) => chars.join(''));
  const longLabels = fc
    .tuple(fc.integer({ min: 60, max: 66 }), fc.integer({ min: 1, max: 5 }))
    .map(([length, count]) => Array.from({ length: count }, () => 'b'.repeat(length)).join('.'));
  fc.assert(
    fc.property(fc.oneof(shaped, longLabels, fc.ipV4()), (text) => {
      assert.equal(checkDnsName(text).ok, referenceValid(text), JSON.stringify(text));
    }),
    { numRuns: 2000 },
  );
});
