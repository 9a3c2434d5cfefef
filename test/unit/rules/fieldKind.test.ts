import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range } from './structureFixtures';

test("field-kind-mismatch: an entry without its kind's value field, on the kind value", () => {
  const text = manifest('  - kind: DNS\n    notBefore: "2020-01-01T00:00:00Z"\n');
  const diagnostic = only(text, 'field-kind-mismatch');
  assert.equal(
    diagnostic.message,
    'This `kind: DNS` entry has no `dns` field: add `dns:` with the DNS name, or a suffix that starts with `.`',
  );
  assert.deepEqual(diagnostic.range, range(6, 10, 13));
  assert.equal(diagnostic.severity, 'error');
  assert.deepEqual(fixesFor(text, diagnostic), []);
});

test('field-kind-mismatch: `kind: DNS` with `ip:` only: on the kind and on the key, with two fixes, neither preferred', () => {
  const text = manifest('  - kind: DNS\n    ip: 10.0.0.1\n');
  const found = diagnostics(text, 'field-kind-mismatch');
  assert.deepEqual(
    found.map((d) => [d.range, d.message]),
    [
      [
        range(6, 10, 13),
        'This `kind: DNS` entry has no `dns` field but has `ip`, the field of IP entries: rename `ip` to `dns`, or change the kind to `IP`',
      ],
      [
        range(7, 4, 6),
        '`ip` is the field of IP entries, but this entry is `kind: DNS`, which needs `dns`: rename the key, or change the kind to `IP`',
      ],
    ],
  );
  for (const diagnostic of found) {
    const fixes = fixesFor(text, diagnostic);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.isPreferred]),
      [
        ['Rename `ip` to `dns`', undefined],
        ['Change kind to `IP`', undefined],
      ],
    );
  }
  const renamed = applyFix(text, found[1], 'Rename `ip` to `dns`');
  assert.equal(renamed, manifest('  - kind: DNS\n    dns: 10.0.0.1\n'));
  assert.deepEqual(diagnostics(renamed, 'field-kind-mismatch'), []);
  const rekinded = applyFix(text, found[0], 'Change kind to `IP`');
  assert.equal(rekinded, manifest('  - kind: IP\n    ip: 10.0.0.1\n'));
  assert.deepEqual(diagnostics(rekinded, 'field-kind-mismatch'), []);
});

test('field-kind-mismatch: changing a quoted kind keeps its quotes', () => {
  const text = manifest("  - kind: 'Group'\n    dns: .cluster.local\n");
  const [onKind] = diagnostics(text, 'field-kind-mismatch');
  assert.deepEqual(onKind.range, range(6, 10, 17));
  const fixed = applyFix(text, onKind, 'Change kind to `DNS`');
  assert.equal(fixed, manifest("  - kind: 'DNS'\n    dns: .cluster.local\n"));
  assert.deepEqual(
    diagnostics(fixed).filter((d) => ['field-kind-mismatch', 'kind-case', 'schema'].includes(d.code)),
    [],
  );
});

test("field-kind-mismatch: another kind's field beside the right one sits on that key, without fixes", () => {
  const text = manifest('  - kind: DNS\n    dns: a.example\n    ip: 10.0.0.1\n');
  const diagnostic = only(text, 'field-kind-mismatch');
  assert.equal(
    diagnostic.message,
    '`ip` is the field of IP entries and does nothing in a `kind: DNS` entry: remove it, or make it an entry of its own',
  );
  assert.deepEqual(diagnostic.range, range(8, 4, 6));
  assert.deepEqual(fixesFor(text, diagnostic), []);
});

test("field-kind-mismatch: with two other kinds' fields, no guess", () => {
  const text = manifest('  - kind: DNS\n    ip: 10.0.0.1\n    group: system:x\n');
  const found = diagnostics(text, 'field-kind-mismatch');
  assert.deepEqual(
    found.map((d) => d.range),
    [range(6, 10, 13), range(7, 4, 6), range(8, 4, 9)],
  );
  assert.equal(
    found[0].message,
    'This `kind: DNS` entry has no `dns` field: add `dns:` with the DNS name, or a suffix that starts with `.`',
  );
  for (const diagnostic of found) assert.deepEqual(fixesFor(text, diagnostic), []);
});

test("field-kind-mismatch: near miss: right fields, case variants of kind, and unknown kinds (schema's) stay quiet", () => {
  const quiet = [
    '  - kind: DNS\n    dns: a.example\n',
    '  - kind: serialnumber\n    serialNumber: "01"\n',
    '  - kind: group\n    group: system:x\n',
    '  - kind: DSN\n    ip: 10.0.0.1\n',
    '  - dns: a.example\n',
  ];
  for (const entry of quiet) assert.deepEqual(diagnostics(manifest(entry), 'field-kind-mismatch'), [], entry);
});
