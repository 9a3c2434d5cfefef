import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, HEAD, manifest, only, range } from './structureFixtures';

test('schema: an unknown kind names the documented spellings and what was found, on the kind value', () => {
  const text = manifest('  - kind: DSN\n    dns: a.example\n');
  const diagnostic = only(text, 'schema');
  assert.equal(diagnostic.message, '`kind` must be one of serialnumber, Group, DNS, IP; found `DSN`');
  assert.deepEqual(diagnostic.range, range(6, 10, 13));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(diagnostic.source, 'renew-revocation');
  const fixed = applyFix(text, diagnostic, 'Change kind to `DNS`');
  assert.equal(fixed, manifest('  - kind: DNS\n    dns: a.example\n'));
  assert.deepEqual(diagnostics(fixed, 'schema'), []);
});

test("schema: a kind that is not text is one finding, not ajv's three", () => {
  const text = manifest('  - kind: 3\n    dns: a.example\n');
  const diagnostic = only(text, 'schema');
  assert.equal(diagnostic.message, '`kind` must be one of serialnumber, Group, DNS, IP; found `3` (a number)');
  assert.deepEqual(diagnostic.range, range(6, 10, 11));
  assert.deepEqual(fixesFor(text, diagnostic), []);
});

test('schema: near miss: documented kinds, and case variants (kind-case, not schema), pass', () => {
  for (const kind of ['DNS', 'dns', 'Dns']) {
    assert.deepEqual(diagnostics(manifest(`  - kind: ${kind}\n    dns: a.example\n`), 'schema'), [], kind);
  }
});

test('schema: a wrong apiVersion says the one accepted, on the value', () => {
  const text =
    HEAD.replace('certificates.microsoft.com/v1', 'certificates.microsoft.com/v2') + '  - kind: IP\n    ip: 10.0.0.1\n';
  const diagnostic = only(text, 'schema');
  assert.equal(
    diagnostic.message,
    '`apiVersion` must be `certificates.microsoft.com/v1`; found `certificates.microsoft.com/v2`',
  );
  assert.deepEqual(diagnostic.range, range(0, 12, 41));
});

test('schema: an empty revocation list, on the `[]`', () => {
  const text = HEAD.replace('  revocations:\n', '  revocations: []\n');
  const diagnostic = only(text, 'schema');
  assert.equal(diagnostic.message, '`spec.revocations` must not be empty: add at least one entry');
  assert.deepEqual(diagnostic.range, range(5, 15, 17));
});

test('schema: `revocations:` with nothing after it sits on the key', () => {
  const diagnostic = only(HEAD, 'schema');
  assert.equal(diagnostic.message, '`spec.revocations` must be a list; found nothing');
  assert.deepEqual(diagnostic.range, range(5, 2, 13));
});

test('schema: a missing field of metadata sits on the `metadata` key', () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n').replace('  name: r\n', '  namespace: kube-system\n');
  const diagnostic = only(text, 'schema');
  assert.equal(
    diagnostic.message,
    'Missing required field `name` in `metadata`: add `name:` with the name of this object',
  );
  assert.deepEqual(diagnostic.range, range(2, 0, 8));
});

test('schema: a missing `revocations` sits on the `spec` key', () => {
  const text = HEAD.replace('  revocations:\n', '  description: nothing yet\n');
  const diagnostic = only(text, 'schema');
  assert.equal(
    diagnostic.message,
    'Missing required field `revocations` in `spec`: add `revocations:` with at least one entry',
  );
  assert.deepEqual(diagnostic.range, range(4, 0, 4));
});

test('schema: a missing top-level field sits on the top-level kind value', () => {
  const text = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: r\n';
  const diagnostic = only(text, 'schema');
  assert.equal(diagnostic.message, 'Missing required field `spec`: add `spec:` with the `revocations` list');
  assert.deepEqual(diagnostic.range, range(1, 6, 21));
});

test('schema: without a top-level kind, missing fields sit at the document start, in one finding', () => {
  const text = '# revocations for cluster A\napiVersion: certificates.microsoft.com/v1\n';
  const diagnostic = only(text, 'schema');
  assert.equal(
    diagnostic.message,
    'Missing required fields `kind`, `metadata` and `spec`: a RenewRevocation manifest needs `apiVersion`, `kind`, `metadata` and `spec`',
  );
  assert.deepEqual(diagnostic.range, range(1, 0, 10));
});

test('schema: an entry without kind sits on its value field', () => {
  const text = manifest('  - dns: a.example\n');
  const diagnostic = only(text, 'schema');
  assert.equal(
    diagnostic.message,
    'Missing required field `kind` in this revocation entry: add `kind:` with one of serialnumber, Group, DNS, IP',
  );
  assert.deepEqual(diagnostic.range, range(6, 9, 18));
});

test('schema: an entry that is not a mapping; an empty list item is a hint on its dash (being typed)', () => {
  const text = manifest('  - 5\n  -\n  - kind: IP\n    ip: 10.0.0.1\n');
  const found = diagnostics(text, 'schema');
  assert.deepEqual(
    found.map((diagnostic) => [diagnostic.range, diagnostic.message]),
    [
      [
        range(6, 4, 5),
        'Each entry of `spec.revocations` must be a mapping with `kind` and its value field; found `5` (a number)',
      ],
    ],
  );
  const empty = only(text, 'empty-entry');
  assert.equal(empty.severity, 'hint');
  assert.deepEqual(empty.range, range(7, 2, 3));
  assert.equal(
    empty.message,
    'An empty entry: write its `kind` and value field (Ctrl+Space offers a whole entry), or remove the `-`',
  );
});

test('schema: group values that are not text, or empty, stay schema findings', () => {
  const numeric = only(manifest('  - kind: Group\n    group: 5\n    notBefore: "2020-01-01T00:00:00Z"\n'), 'schema');
  assert.equal(numeric.message, '`group` must be a string; found `5` (a number): quote it');
  assert.deepEqual(numeric.range, range(7, 11, 12));
  const empty = only(manifest('  - kind: Group\n    group: ""\n    notBefore: "2020-01-01T00:00:00Z"\n'), 'schema');
  assert.equal(empty.message, '`group` must not be empty');
  assert.deepEqual(empty.range, range(7, 11, 13));
});

test('schema: the value fields and notBefore are left to the value rules', () => {
  const entries = [
    '  - kind: serialnumber\n    serialNumber: ""\n',
    '  - kind: serialnumber\n    serialNumber: 1234\n',
    '  - kind: DNS\n    dns: 5\n    notBefore: yesterday\n',
    '  - kind: IP\n    ip: []\n    notBefore: 2020\n',
  ];
  for (const entry of entries) assert.deepEqual(diagnostics(manifest(entry), 'schema'), [], entry);
});

test('schema: a missing value field is field-kind-mismatch, never `must match "then" schema`', () => {
  const text = manifest('  - kind: DNS\n    description: no value\n');
  assert.deepEqual(diagnostics(text, 'schema'), []);
  assert.equal(diagnostics(text, 'field-kind-mismatch').length, 1);
});

test("schema: no message carries ajv's own words", () => {
  const broken = [
    'apiVersion: 1\nkind: RenewRevocation\nmetadata: 3\nspec: []\n',
    manifest('  - kind: [a]\n    group: {}\n    description: 5\n  - {}\n  - kind: dns\n'),
    'apiVersion: certificates.microsoft.com/v1\nkind: Other\nmetadata:\n  name: ""\n  labels: {a: 1}\nspec:\n  revocations: {}\n',
  ];
  for (const text of broken) {
    const found = diagnostics(text).filter((diagnostic) => diagnostic.code === 'schema');
    assert.ok(found.length > 0, text);
    for (const diagnostic of found)
      assert.doesNotMatch(
        diagnostic.message,
        /must match|must NOT|must have required|must be equal|schema in anyOf/,
        diagnostic.message,
      );
  }
});

test('schema: a document that does not parse is left to yaml-syntax (no invented missing fields)', () => {
  const text = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec: [a, b\n';
  assert.ok(diagnostics(text, 'yaml-syntax').length > 0);
  assert.deepEqual(diagnostics(text, 'schema'), []);
});

test('schema: text fields that YAML reads as something else say what it read, as written', () => {
  const text = `%YAML 1.1\n---\n${manifest('  - kind: IP\n    ip: 10.0.0.1\n    description: yes\n').replace('spec:\n', 'spec:\n  description: 2020-01-01\n')}`;
  const found = diagnostics(text, 'schema');
  assert.deepEqual(
    found.map((d) => [d.range, d.message]),
    [
      [range(7, 15, 25), '`spec.description` must be a string; found `2020-01-01` (a date): quote it'],
      [range(11, 17, 20), '`description` must be a string; found `yes` (a boolean): quote it'],
    ],
  );
});
