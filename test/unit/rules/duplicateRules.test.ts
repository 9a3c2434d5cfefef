import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, HEAD, manifest, only, range } from './valueFixtures';

const OLD = 'notBefore: "2020-01-01T00:00:00Z"';
const NEWER = 'notBefore: "2021-06-01T00:00:00Z"';

test('duplicate-entry: the later entry, pointing at the first; the first is effective when it reaches as far', () => {
  const text = manifest(`  - kind: Group\n    group: g\n    ${NEWER}\n  - kind: Group\n    group: g\n    ${OLD}\n`);
  const diagnostic = only(text, 'duplicate-entry');
  assert.deepEqual(diagnostic.range, range(10, 11, 12));
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(
    diagnostic.message,
    'Duplicate entry: Group `g` is already listed at line 8. The entry at line 8 is the effective one: its `notBefore` (2021-06-01T00:00:00Z) is the latest, so it revokes everything the others do',
  );
  assert.deepEqual(diagnostic.relatedInformation, [
    { range: range(7, 11, 12), message: 'The first Group entry for `g`' },
  ]);
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Remove this duplicate entry');
  assert.equal(fixed, manifest(`  - kind: Group\n    group: g\n    ${NEWER}\n`));
  assert.deepEqual(diagnostics(fixed), []);
});

test('duplicate-entry: when the later entry reaches further, it is effective and the fix removes the first', () => {
  const text = manifest(`  - kind: Group\n    group: g\n    ${OLD}\n  - kind: Group\n    group: g\n    ${NEWER}\n`);
  const diagnostic = only(text, 'duplicate-entry');
  assert.equal(
    diagnostic.message,
    'Duplicate entry: Group `g` is already listed at line 8. This entry is the effective one: its `notBefore` (2021-06-01T00:00:00Z) is the latest, so it revokes everything the others do',
  );
  const fixed = applyFix(text, diagnostic, 'Remove the entry at line 8, which this one covers');
  assert.equal(fixed, manifest(`  - kind: Group\n    group: g\n    ${NEWER}\n`));
  assert.deepEqual(diagnostics(fixed, 'duplicate-entry'), []);

  const noNotBefore = manifest(`  - kind: IP\n    ip: 10.0.0.1\n    ${NEWER}\n  - kind: IP\n    ip: 10.0.0.1\n`);
  assert.equal(
    only(noNotBefore, 'duplicate-entry').message,
    'Duplicate entry: IP `10.0.0.1` is already listed at line 8. This entry is the effective one: without `notBefore` it revokes everything the others do',
  );
});

test('duplicate-entry: values compare after normalisation; every later occurrence is marked', () => {
  const serials = manifest(
    `  - kind: serialnumber\n    serialNumber: "77:FD"\n  - kind: serialnumber\n    serialNumber: 77fd\n  - kind: SerialNumber\n    serialNumber: "0x0077FD"\n`,
  );
  const found = diagnostics(serials, 'duplicate-entry');
  assert.deepEqual(
    found.map((d) => d.range),
    [range(9, 18, 22), range(11, 18, 28)],
  );
  assert.equal(
    found[0].message,
    'Duplicate entry: serialnumber `77fd` is already listed at line 8 as `77:FD`. The entry at line 8 is the effective one: without `notBefore` it revokes everything the others do',
  );
  assert.deepEqual(found[1].relatedInformation, [
    { range: range(7, 18, 25), message: 'The first serialnumber entry for `77:FD`' },
  ]);

  const dns = manifest(
    `  - kind: DNS\n    dns: Kubernetes.Default.SVC.\n    ${OLD}\n  - kind: dns\n    dns: kubernetes.default.svc\n    ${OLD}\n`,
  );
  assert.equal(
    only(dns, 'duplicate-entry').message,
    'Duplicate entry: DNS `kubernetes.default.svc` is already listed at line 8 as `Kubernetes.Default.SVC.`. The entry at line 8 is the effective one: its `notBefore` (2020-01-01T00:00:00Z) is the latest, so it revokes everything the others do',
  );
  const ips = manifest(
    `  - kind: IP\n    ip: "::ffff:10.0.0.1"\n    ${OLD}\n  - kind: IP\n    ip: 10.0.0.1\n    ${OLD}\n`,
  );
  assert.deepEqual(only(ips, 'duplicate-entry').range, range(10, 8, 16));
});

test('duplicate-entry: removing keeps YAML valid in flow style and for flow-mapping items', () => {
  const flow = `${HEAD.replace('  revocations:\n', '')}  revocations: [{kind: IP, ip: 10.0.0.1, ${OLD}}, {kind: IP, ip: 10.0.0.1, ${OLD}}]\n`;
  const onFlow = only(flow, 'duplicate-entry');
  const fixedFlow = applyFix(flow, onFlow, 'Remove this duplicate entry');
  assert.equal(fixedFlow, `${HEAD.replace('  revocations:\n', '')}  revocations: [{kind: IP, ip: 10.0.0.1, ${OLD}}]\n`);
  assert.deepEqual(diagnostics(fixedFlow), []);

  const items = manifest(
    `  - {kind: IP, ip: 10.0.0.1, ${OLD}}\n  - {kind: IP, ip: 10.0.0.1, ${OLD}}  # again\n  - {kind: IP, ip: 10.0.0.2, ${OLD}}\n`,
  );
  const fixedItems = applyFix(items, only(items, 'duplicate-entry'), 'Remove this duplicate entry');
  assert.equal(fixedItems, manifest(`  - {kind: IP, ip: 10.0.0.1, ${OLD}}\n  - {kind: IP, ip: 10.0.0.2, ${OLD}}\n`));
  assert.deepEqual(diagnostics(fixedItems), []);
});

test('duplicate-entry: near misses: group case, name vs suffix, other kinds, invalid values, other documents', () => {
  for (const entries of [
    `  - kind: Group\n    group: g\n    ${OLD}\n  - kind: Group\n    group: G\n    ${OLD}\n`,
    `  - kind: DNS\n    dns: cluster.local\n    ${OLD}\n  - kind: DNS\n    dns: .cluster.local\n    ${OLD}\n`,
    `  - kind: serialnumber\n    serialNumber: "10"\n  - kind: serialnumber\n    serialNumber: "-10"\n`,
    `  - kind: IP\n    ip: "::10.0.0.1"\n    ${OLD}\n  - kind: IP\n    ip: 10.0.0.1\n    ${OLD}\n`,
    `  - kind: DNS\n    dns: a..b\n    ${OLD}\n  - kind: DNS\n    dns: a..b\n    ${OLD}\n`,
    `  - kind: Grp\n    group: g\n  - kind: Grp\n    group: g\n`,
  ]) {
    assert.deepEqual(diagnostics(manifest(entries), 'duplicate-entry'), [], entries);
  }
  const twoDocuments = `${manifest(`  - kind: Group\n    group: g\n    ${OLD}\n`)}---\n${manifest(`  - kind: Group\n    group: g\n    ${OLD}\n`)}`;
  assert.deepEqual(diagnostics(twoDocuments, 'duplicate-entry'), []);
});
