import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range, summary } from './valueFixtures';

const CONSEQUENCE =
  'so renewed certificates are refused too, and the cluster cannot be repaired with `Repair-AksHciClusterCerts` (now `Update-AksHciClusterCertificates`). ' +
  'Add `notBefore` to revoke only certificates issued before that instant';
const ADD_NOW = 'Add notBefore: "2026-01-01T00:00:00Z" (now)';

test('the documented example (the README, "The manifest") gives exactly four missing-not-before and one broad-revocation', () => {
  const text = readFileSync(join(__dirname, '../../../../examples/documented.yaml'), 'utf8');
  const found = diagnostics(text);
  assert.deepEqual(summary(found), [
    'missing-not-before@13:11-23',
    'broad-revocation@13:11-23',
    'missing-not-before@16:9-32',
    'missing-not-before@19:9-23',
    'missing-not-before@22:8-22',
  ]);
  assert.equal(
    found[0].message,
    `This Group entry has no \`notBefore\`: it revokes all existing and future certificates in group \`system:nodes\`, ${CONSEQUENCE}`,
  );
  assert.equal(
    found[2].message,
    `This DNS entry has no \`notBefore\`: it revokes all existing and future certificates for DNS name \`kubernetes.default.svc.\`, ${CONSEQUENCE}`,
  );
  assert.equal(
    found[3].message,
    `This DNS entry has no \`notBefore\`: it revokes all existing and future certificates for DNS names ending in \`.cluster.local\`, ${CONSEQUENCE}`,
  );
  assert.equal(
    found[4].message,
    `This IP entry has no \`notBefore\`: it revokes all existing and future certificates for IP address \`170.63.128.124\`, ${CONSEQUENCE}`,
  );
});

test("missing-not-before: on the value field; the preferred fix adds notBefore (now) at the entry's indentation", () => {
  const text = manifest(
    '  - description: nodes\n    group: system:x\n    kind: Group\n  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2020-01-01T00:00:00Z"\n',
  );
  const diagnostic = only(text, 'missing-not-before');
  assert.deepEqual(diagnostic.range, range(7, 11, 19));
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(
    diagnostic.message,
    `This Group entry has no \`notBefore\`: it revokes all existing and future certificates in group \`system:x\`, ${CONSEQUENCE}`,
  );
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, ADD_NOW);
  assert.equal(
    fixed,
    manifest(
      '  - description: nodes\n    group: system:x\n    kind: Group\n    notBefore: "2026-01-01T00:00:00Z"\n  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2020-01-01T00:00:00Z"\n',
    ),
  );
  assert.deepEqual(diagnostics(fixed), []);
});

test('missing-not-before: on the kind when the value field is missing', () => {
  const diagnostic = only(manifest('  - kind: DNS\n'), 'missing-not-before');
  assert.deepEqual(diagnostic.range, range(6, 10, 13));
  assert.equal(
    diagnostic.message,
    `This DNS entry has no \`notBefore\`: it revokes all existing and future matching certificates, ${CONSEQUENCE}`,
  );
});

test('missing-not-before: the fix keeps YAML valid after a block scalar, a trailing comment, at the end of the file, in flow style and with CRLF', () => {
  const cases: Array<[string, string]> = [
    [
      '  - description: |\n      two\n      lines\n    kind: Group\n    group: g # why\n  # next\n  - kind: Group\n    group: h\n    notBefore: "2020-01-01T00:00:00Z"\n',
      '  - description: |\n      two\n      lines\n    kind: Group\n    group: g # why\n    notBefore: "2026-01-01T00:00:00Z"\n  # next\n  - kind: Group\n    group: h\n    notBefore: "2020-01-01T00:00:00Z"\n',
    ],
    ['  - kind: IP\n    ip: 10.0.0.1', '  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2026-01-01T00:00:00Z"'],
    ['  - {kind: IP, ip: 10.0.0.1}\n', '  - {kind: IP, ip: 10.0.0.1, notBefore: "2026-01-01T00:00:00Z"}\n'],
    [
      '  -\n      kind: DNS\n      dns: a.example\n',
      '  -\n      kind: DNS\n      dns: a.example\n      notBefore: "2026-01-01T00:00:00Z"\n',
    ],
  ];
  for (const [entries, expected] of cases) {
    const text = manifest(entries);
    const fixed = applyFix(text, only(text, 'missing-not-before'), ADD_NOW);
    assert.equal(fixed, manifest(expected));
    assert.deepEqual(diagnostics(fixed), [], expected);
  }
  const crlf = manifest('  - kind: IP\n    ip: 10.0.0.1\n').replace(/\n/g, '\r\n');
  const fixed = applyFix(crlf, only(crlf, 'missing-not-before'), ADD_NOW);
  assert.equal(
    fixed,
    manifest('  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2026-01-01T00:00:00Z"\n').replace(/\n/g, '\r\n'),
  );
});

test('missing-not-before: near misses: serial entries, entries with notBefore (even an invalid one), unknown kinds', () => {
  const text = manifest(
    '  - kind: serialnumber\n    serialNumber: 0a\n  - kind: Group\n    group: g\n    notBefore: "2020-01-01T00:00:00Z"\n  - kind: DNS\n    dns: a.example\n    notBefore: soon\n  - kind: Grp\n    group: g\n',
  );
  assert.deepEqual(diagnostics(text, 'missing-not-before'), []);
});

test('broad-revocation: each node, admin and identity-wide group, on the value', () => {
  const expected: Record<string, string> = {
    'system:nodes': 'every kubelet client certificate: no node can authenticate to the API server any more',
    'system:masters':
      'every certificate with unrestricted cluster-admin rights, the admin kubeconfigs and control-plane clients among them',
    'kubeadm:cluster-admins': 'the cluster-admin certificates kubeadm issues for admin kubeconfigs',
    'system:authenticated': 'every certificate that names the group all authenticated users share',
    'system:serviceaccounts': 'every certificate that names the group all service accounts share',
  };
  for (const [group, what] of Object.entries(expected)) {
    const diagnostic = only(
      manifest(`  - kind: Group\n    group: ${group}\n    notBefore: "2020-01-01T00:00:00Z"\n`),
      'broad-revocation',
    );
    assert.deepEqual(diagnostic.range, range(7, 11, 11 + group.length));
    assert.equal(diagnostic.severity, 'warning');
    assert.equal(
      diagnostic.message,
      `Revoking group \`${group}\` revokes ${what}. Revoke the certificates you mean by serial number instead, or make sure this is intended`,
    );
  }
});

test('broad-revocation: a DNS suffix of one label', () => {
  const diagnostic = only(
    manifest('  - kind: DNS\n    dns: .Local.\n    notBefore: "2020-01-01T00:00:00Z"\n'),
    'broad-revocation',
  );
  assert.deepEqual(diagnostic.range, range(7, 9, 16));
  assert.equal(
    diagnostic.message,
    "The suffix `.local` has a single label: it revokes every certificate with a DNS name ending in `.local`, which can be most of the cluster's serving certificates. Use a longer suffix or a full name",
  );
  assert.equal(
    diagnostics(manifest('  - kind: DNS\n    dns: .com\n    notBefore: "2020-01-01T00:00:00Z"\n'), 'broad-revocation')
      .length,
    1,
  );
});

test('broad-revocation: near misses: other groups, other case, two-label suffixes, one-label names, invalid values', () => {
  for (const entry of [
    '  - kind: Group\n    group: system:node:n1\n',
    '  - kind: Group\n    group: System:Nodes\n',
    '  - kind: Group\n    group: system:serviceaccounts:kube-system\n',
    '  - kind: DNS\n    dns: .cluster.local\n',
    '  - kind: DNS\n    dns: localhost\n',
    '  - kind: DNS\n    dns: .lo cal\n',
    '  - kind: IP\n    ip: 0.0.0.0\n',
    '  - kind: Grp\n    group: system:nodes\n',
  ]) {
    assert.deepEqual(diagnostics(manifest(entry), 'broad-revocation'), [], entry);
  }
});
