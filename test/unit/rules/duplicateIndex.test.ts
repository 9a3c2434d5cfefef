// The duplicate groups are kept per manifest across versions (rules/duplicateIndex.ts): after an
// edit that the incremental parse splices in, an entry that becomes, stays or stops being a
// duplicate is reported exactly as in the edited text opened afresh.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService, type FileModel } from '../../../server/src/service/index';
import { applyChange } from '../../../server/src/service/parse/incremental';

const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });

const TEXT = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: duplicates',
  'spec:',
  '  revocations:',
  '  - kind: Group',
  '    group: team-1',
  '    notBefore: "2025-01-01T00:00:00Z"',
  '  - kind: Group',
  '    group: team-2',
  '    notBefore: "2025-01-01T00:00:00Z"',
  '  - kind: Group',
  '    group: team-3',
  '    notBefore: "2025-02-01T00:00:00Z"',
  '  - kind: DNS',
  '    dns: a.example',
  '',
].join('\n');

/** Replaces the `nth` occurrence of `from` by `to`, spliced into `model`; checks the path and the result. */
function edit(model: FileModel, text: string, from: string, to: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(from, at + 1);
  const change = { start: at, end: at + from.length, text: to };
  const edited = applyChange(text, change);
  const updated = service.update(model, [change], edited);
  assert.ok(updated.splice, 'the edit took the incremental path');
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(service.parse(edited)));
  const duplicates = diagnostics
    .filter((diagnostic) => diagnostic.code === 'duplicate-entry')
    .map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]);
  return { model: updated, text: edited, duplicates };
}

test('entries that become and stop being duplicates after spliced edits are reported as afresh', () => {
  const model = service.parse(TEXT);
  assert.deepEqual(
    service.doValidation(model).filter((diagnostic) => diagnostic.code === 'duplicate-entry'),
    [],
  );
  // team-2 becomes team-1: a duplicate of the first entry.
  let step = edit(model, TEXT, 'team-2', 'team-1');
  assert.deepEqual(step.duplicates, [
    [
      10,
      'Duplicate entry: Group `team-1` is already listed at line 8. The entry at line 8 is the effective one: its `notBefore` (2025-01-01T00:00:00Z) is the latest, so it revokes everything the others do',
    ],
  ]);
  // team-3 becomes team-1 too, with a later notBefore: it is the effective one of the three.
  step = edit(step.model, step.text, 'team-3', 'team-1');
  assert.equal(step.duplicates.length, 2);
  assert.deepEqual(
    step.duplicates.map(([line]) => line),
    [10, 13],
  );
  // The first one changes: the second becomes the first of the group.
  step = edit(step.model, step.text, 'team-1', 'team-9');
  assert.deepEqual(
    step.duplicates.map(([line]) => line),
    [13],
  );
  // And back: three again, then none once each value differs.
  step = edit(step.model, step.text, 'team-9', 'team-1');
  assert.equal(step.duplicates.length, 2);
  step = edit(step.model, step.text, 'team-1', 'team-5', 1);
  step = edit(step.model, step.text, 'team-1', 'team-6', 1);
  assert.deepEqual(step.duplicates, []);
});
