import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnostics, manifest, range, service, DOCUMENTED_EXAMPLE, STRUCTURE_CODES } from './structureFixtures';

function structural(text: string) {
  return diagnostics(text).filter((diagnostic) => STRUCTURE_CODES.includes(diagnostic.code));
}

test('structure: the documented example of the README, "The manifest" raises none of the structure codes', () => {
  assert.deepEqual(structural(DOCUMENTED_EXAMPLE), []);
});

test('structure: a ConfigMap, however odd, gets nothing', () => {
  const configMap =
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\ndata:\n  kind: dns\n  revocations: []\nspec:\n  revocations:\n  - kind: dns\n';
  assert.deepEqual(service.doValidation(service.parse(configMap)), []);
});

test('structure: every RenewRevocation document of a file is checked, each at its place', () => {
  const first = manifest('  - kind: dns\n    dns: a.example\n');
  const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  nmae: x\n';
  const second = manifest('  - kind: DSN\n    dns: a.example\n');
  const text = `${first}---\n${other}---\n${second}`;
  // first: lines 0–7; `---` 8; ConfigMap 9–12; `---` 13; second: lines 14–21 (its entry on 20).
  assert.deepEqual(
    structural(text).map((d) => [d.code, d.range]),
    [
      ['kind-case', range(6, 10, 13)],
      ['schema', range(20, 10, 13)],
    ],
  );
});

test('structure: a document found by its apiVersion alone is checked', () => {
  const text =
    'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocations\nmetadata:\n  name: r\nspec:\n  revocations:\n  - kind: IP\n    ip: 10.0.0.1\n';
  const found = structural(text);
  assert.deepEqual(
    found.map((d) => [d.code, d.range, d.message]),
    [['schema', range(1, 6, 22), '`kind` must be `RenewRevocation`; found `RenewRevocations`']],
  );
});

test('structure: an alias bomb is a finding on its first alias, not a crash', () => {
  const bomb = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: r',
    '  labels:',
    '    a: &a [x, x, x, x, x, x, x, x, x, x]',
    '    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    '    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    '    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    '    e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
    'spec:',
    '  revocations:',
    '  - kind: IP',
    '    ip: 10.0.0.1',
    '',
  ].join('\n');
  const found = structural(bomb);
  assert.deepEqual(
    found.map((d) => [d.code, d.range]),
    [['schema', range(6, 11, 13)]],
  );
  assert.equal(
    found[0].message,
    'This document expands its aliases (`*name`) more than 100 times, like an alias bomb; its structure was not checked: write the values out instead of repeating aliases',
  );
});

test('structure: a few ordinary aliases are read through', () => {
  const text = manifest('  - &entry\n    kind: IP\n    ip: 10.0.0.1\n  - *entry\n');
  assert.deepEqual(structural(text), []);
});

test('structure: an alias to an undefined anchor is a finding, not a crash', () => {
  const text = manifest('  - kind: IP\n    ip: 10.0.0.1\n    description: *missing\n');
  const found = structural(text);
  assert.deepEqual(
    found.map((d) => [d.code, d.range]),
    [['schema', range(8, 17, 25)]],
  );
  assert.match(found[0].message, /^This document cannot be read as data \(.*alias.*\); its structure was not checked$/);
});
