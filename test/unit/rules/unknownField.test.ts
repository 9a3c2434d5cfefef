import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range, DOCUMENTED_EXAMPLE } from './structureFixtures';

test('unknown-field: `serialnumber:` suggests `serialNumber`, on the key, and the rename fixes it', () => {
  const text = manifest('  - kind: serialnumber\n    serialnumber: 77fdf4b1033b387aaace6ce1c18710c2\n');
  const diagnostic = only(text, 'unknown-field');
  assert.equal(
    diagnostic.message,
    'Unknown field `serialnumber` in this revocation entry: did you mean `serialNumber`?',
  );
  assert.deepEqual(diagnostic.range, range(7, 4, 16));
  assert.equal(diagnostic.severity, 'warning');
  // The misspelt key is one problem: no field-kind-mismatch for the missing `serialNumber` beside it.
  assert.deepEqual(diagnostics(text, 'field-kind-mismatch'), []);
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, diagnostic, 'Rename `serialnumber` to `serialNumber`');
  assert.equal(fixed, manifest('  - kind: serialnumber\n    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2\n'));
  assert.deepEqual(
    diagnostics(fixed).filter((d) => ['unknown-field', 'field-kind-mismatch', 'schema'].includes(d.code)),
    [],
  );
});

test("unknown-field: `notbefore` → `notBefore`, keeping the key's quotes", () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n    "notbefore": "2020-01-01T00:00:00Z"\n');
  const diagnostic = only(text, 'unknown-field');
  assert.equal(diagnostic.message, 'Unknown field `notbefore` in this revocation entry: did you mean `notBefore`?');
  assert.deepEqual(diagnostic.range, range(8, 4, 15));
  const fixed = applyFix(text, diagnostic, 'Rename `notbefore` to `notBefore`');
  assert.equal(fixed, manifest('  - kind: IP\n    ip: 10.0.0.1\n    "notBefore": "2020-01-01T00:00:00Z"\n'));
  assert.deepEqual(diagnostics(fixed, 'unknown-field'), []);
});

test('unknown-field: `ipp` → `ip` in an IP entry, which then has its value field', () => {
  const text = manifest('  - kind: IP\n    ipp: 10.0.0.1\n');
  const diagnostic = only(text, 'unknown-field');
  assert.equal(diagnostic.message, 'Unknown field `ipp` in this revocation entry: did you mean `ip`?');
  assert.deepEqual(diagnostic.range, range(7, 4, 7));
  assert.deepEqual(diagnostics(text, 'field-kind-mismatch'), []);
  const fixed = applyFix(text, diagnostic, 'Rename `ipp` to `ip`');
  assert.equal(fixed, manifest('  - kind: IP\n    ip: 10.0.0.1\n'));
  assert.deepEqual(
    diagnostics(fixed).filter((d) => ['unknown-field', 'field-kind-mismatch'].includes(d.code)),
    [],
  );
});

test('unknown-field: a misspelt required key is one finding, not also a missing field', () => {
  const text = manifest('  - Kind: IP\n    ip: 10.0.0.1\n').replace('apiVersion:', 'apiversion:');
  const found = diagnostics(text).filter((d) => d.code === 'unknown-field' || d.code === 'schema');
  assert.deepEqual(
    found.map((d) => [d.code, d.range, d.message]),
    [
      ['unknown-field', range(0, 0, 10), 'Unknown field `apiversion` at the top level: did you mean `apiVersion`?'],
      ['unknown-field', range(6, 4, 8), 'Unknown field `Kind` in this revocation entry: did you mean `kind`?'],
    ],
  );
});

test('unknown-field: with nothing near, the message lists the known fields and offers no fix', () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n') + 'colour: red\n';
  const diagnostic = only(text, 'unknown-field');
  assert.equal(
    diagnostic.message,
    'Unknown field `colour` at the top level; known fields are `apiVersion`, `kind`, `metadata`, `spec` and `status`',
  );
  assert.deepEqual(diagnostic.range, range(8, 0, 6));
  assert.deepEqual(fixesFor(text, diagnostic), []);
});

test('unknown-field: no rename onto a key that is already there', () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n    ipp: 10.0.0.2\n');
  const diagnostic = only(text, 'unknown-field');
  assert.equal(
    diagnostic.message,
    'Unknown field `ipp` in this revocation entry: `ip` is already set here; remove `ipp`',
  );
  assert.deepEqual(fixesFor(text, diagnostic), []);
});

test('unknown-field: in `spec`', () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n').replace('spec:\n', 'spec:\n  descripton: typo\n');
  const diagnostic = only(text, 'unknown-field');
  assert.equal(diagnostic.message, 'Unknown field `descripton` in `spec`: did you mean `description`?');
  assert.deepEqual(diagnostic.range, range(5, 2, 12));
});

test('unknown-field: near miss: `status`, and free-form metadata keys, are known', () => {
  const text =
    DOCUMENTED_EXAMPLE.replace(
      '  namespace: kube-system\n',
      '  namespace: kube-system\n  labels:\n    team: platform\n  uid: abc\n',
    ) + 'status:\n  phase: done\n';
  assert.deepEqual(diagnostics(text, 'unknown-field'), []);
  assert.deepEqual(diagnostics(text, 'schema'), []);
});
