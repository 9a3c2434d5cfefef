// The what-if notBefore edit on the shapes an entry can take: a written value (any quoting), an
// empty `notBefore:`, no notBefore in block and in flow style, and an entry that is no mapping.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { notBeforeEdit } from '../../../server/src/service/features/whatIfNotBefore';
import { applyChange, parseFile } from '../../../server/src/service/index';

const HEAD =
  'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: t\nspec:\n  revocations:\n';

/** The text after the edit for entry `index` of a manifest whose entries are `entries`. */
function edited(entries: string, index: number, instant = '2024-03-01T12:00:00Z'): string {
  const file = parseFile(HEAD + entries);
  const answer = notBeforeEdit(file, { document: 0, index }, instant);
  assert.ok(answer.ok, answer.ok ? '' : answer.reason);
  const start = file.lineIndex.offsetAt(answer.edit.range.start);
  const end = file.lineIndex.offsetAt(answer.edit.range.end);
  return applyChange(file.text, { start, end, text: answer.edit.newText }).slice(HEAD.length);
}

test('a written notBefore is replaced, whatever its quoting, by a quoted UTC instant', () => {
  assert.equal(
    edited("  - kind: Group\n    group: g\n    notBefore: '2020-01-01T00:00:00Z' # why\n", 0),
    '  - kind: Group\n    group: g\n    notBefore: "2024-03-01T12:00:00Z" # why\n',
  );
  assert.equal(
    edited('  - kind: Group\n    notBefore: 2020-01-01T00:00:00Z\n    group: g\n', 0, '2024-03-01T13:30:00+01:30'),
    '  - kind: Group\n    notBefore: "2024-03-01T12:00:00Z"\n    group: g\n',
  );
});

test('an empty notBefore gets the value after its colon', () => {
  assert.equal(
    edited('  - kind: Group\n    group: g\n    notBefore:\n  - kind: IP\n    ip: 10.0.0.1\n', 0),
    '  - kind: Group\n    group: g\n    notBefore: "2024-03-01T12:00:00Z"\n  - kind: IP\n    ip: 10.0.0.1\n',
  );
});

test('without notBefore the field is added: a line in block style, before the brace in flow style', () => {
  assert.equal(
    edited('  - kind: Group\n    group: g\n  - kind: IP\n    ip: 10.0.0.1', 1),
    '  - kind: Group\n    group: g\n  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2024-03-01T12:00:00Z"',
  );
  assert.equal(
    edited('  - {kind: DNS, dns: .example.com}\n', 0),
    '  - {kind: DNS, dns: .example.com, notBefore: "2024-03-01T12:00:00Z"}\n',
  );
});

test('an entry that is not a mapping, a missing entry and a bad instant are refused with a reason', () => {
  const file = parseFile(`${HEAD}  - just text\n`);
  assert.deepEqual(notBeforeEdit(file, { document: 0, index: 0 }, '2024-03-01T12:00:00Z'), {
    ok: false,
    reason: 'the entry is not a mapping of fields: a notBefore cannot be written into it',
  });
  assert.equal(notBeforeEdit(file, { document: 0, index: 5 }, '2024-03-01T12:00:00Z').ok, false);
  assert.equal(notBeforeEdit(file, { document: 0, index: 0 }, '2024-03-01').ok, false);
});
