import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { shown, yamlString } from '../../../server/src/service/rules/valueFields';

test('yamlString writes plain text when YAML reads it back as that text, else double quotes', () => {
  const cases: Array<[string, string]> = [
    ['77fd', '77fd'],
    ['1234', '"1234"'],
    ['1e5', '"1e5"'],
    ['0123', '"0123"'],
    ['-ff', '-ff'],
    ['-12', '"-12"'],
    ['true', '"true"'],
    ['null', '"null"'],
    ['.cluster.local', '.cluster.local'],
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['a: b', '"a: b"'],
    ['x # y', '"x # y"'],
    ['*.x', '"*.x"'],
    ['', '""'],
    [' a', '" a"'],
  ];
  for (const [value, written] of cases) assert.equal(yamlString(value), written, value);
});

test('property: whatever yamlString writes, YAML reads back the same string', () => {
  const hexish = fc.stringMatching(/^-?[0-9a-fe]{1,12}$/);
  fc.assert(
    fc.property(fc.oneof(fc.string(), hexish), (value) => {
      assert.equal(parse(`key: ${yamlString(value)}`).key, value);
    }),
  );
});

test('shown cuts long values and keeps messages on one line', () => {
  assert.equal(shown('abc'), '`abc`');
  assert.equal(shown('a\n  b'), '`a b`');
  assert.equal(shown('x'.repeat(100)), `\`${'x'.repeat(77)}…\``);
});
