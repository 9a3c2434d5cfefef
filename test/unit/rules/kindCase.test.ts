import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range } from './structureFixtures';

test('kind-case: `dns` is a warning on the kind value, fixed (preferred) to `DNS`', () => {
  const text = manifest('  - kind: dns\n    dns: a.example\n');
  const diagnostic = only(text, 'kind-case');
  assert.equal(
    diagnostic.message,
    'Kind `dns` matches `DNS` only when case is ignored: write the documented spelling `DNS`',
  );
  assert.deepEqual(diagnostic.range, range(6, 10, 13));
  assert.equal(diagnostic.severity, 'warning');
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Change kind to `DNS`');
  assert.equal(fixed, manifest('  - kind: DNS\n    dns: a.example\n'));
  assert.deepEqual(diagnostics(fixed, 'kind-case'), []);
});

test('kind-case: the fix keeps double and single quotes', () => {
  const double = manifest('  - kind: "SerialNumber"\n    serialNumber: "0a"\n');
  const onDouble = only(double, 'kind-case');
  assert.deepEqual(onDouble.range, range(6, 10, 24));
  assert.equal(
    onDouble.message,
    'Kind `SerialNumber` matches `serialnumber` only when case is ignored: write the documented spelling `serialnumber`',
  );
  assert.equal(
    applyFix(double, onDouble, 'Change kind to `serialnumber`'),
    manifest('  - kind: "serialnumber"\n    serialNumber: "0a"\n'),
  );

  const single = manifest("  - {kind: 'group', group: system:x}\n");
  const onSingle = only(single, 'kind-case');
  assert.deepEqual(onSingle.range, range(6, 11, 18));
  const fixed = applyFix(single, onSingle, 'Change kind to `Group`');
  assert.equal(fixed, manifest("  - {kind: 'Group', group: system:x}\n"));
  assert.deepEqual(diagnostics(fixed, 'kind-case'), []);
});

test("kind-case: near miss: documented spellings, and kinds that match no spelling (schema's)", () => {
  for (const entry of [
    '  - kind: Group\n    group: system:x\n',
    '  - kind: IP\n    ip: 10.0.0.1\n',
    '  - kind: DSN\n    dns: a.example\n',
    '  - kind: " dns"\n    dns: a\n',
  ]) {
    assert.deepEqual(diagnostics(manifest(entry), 'kind-case'), [], entry);
  }
});
