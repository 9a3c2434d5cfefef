// Each entry's findings are kept across versions while the entry is unchanged
// (rules/entryFindings.ts): after an edit in one entry the others give the very same findings,
// moved with their text, and what the clock decides still follows the clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService, type FileModel } from '../../../server/src/service/index';
import { applyChange, type TextChange } from '../../../server/src/service/parse/incremental';

const MANIFEST = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: kept',
  'spec:',
  '  revocations:',
  '  - description: first',
  '    kind: Group',
  '    group: team-1',
  '  - kind: serialnumber',
  '    notBefore: "2026-03-01T00:00:00Z"',
  '    serialNumber: "3f:2a"',
  '  - kind: DNS',
  '    dns: svc.ns.svc',
  '  - kind: IP',
  '    ip: 10.0.0.1',
  '',
].join('\n');

let clock = new Date('2026-01-01T00:00:00Z');
const service = createLanguageService({ now: () => clock });

/** Types `x` into the first entry's description: an edit the incremental parse splices in. */
function editDescription(text: string): { change: TextChange; text: string } {
  const at = text.indexOf('first') + 1;
  const change = { start: at, end: at, text: 'x' };
  return { change, text: applyChange(text, change) };
}

/** The model reached by typing into the description of `text`, and the edited text parsed afresh. */
function afterEdit(text: string, at: number, typed: string) {
  const model = service.parse(text);
  service.doValidation(model);
  const change = { start: at, end: at, text: typed };
  const edited = applyChange(text, change);
  return { updated: service.update(model, [change], edited), fresh: service.parse(edited) };
}

/** Checks that the updated model answers as the fresh one, and gives the quick fixes of its first `code` diagnostic. */
function sameFixes(updated: FileModel, fresh: FileModel, code: string) {
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(fresh));
  const diagnostic = diagnostics.find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `a ${code} diagnostic`);
  const actions = service.getCodeActions(updated, diagnostic.range);
  assert.deepEqual(actions, service.getCodeActions(fresh, diagnostic.range));
  return actions;
}

test('after an edit in one entry, the other entries keep their findings, moved with their offsets', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const model = service.parse(MANIFEST);
  const before = service.doValidation(model);
  const { change, text } = editDescription(MANIFEST);
  const updated = service.update(model, [change], text);
  assert.equal(updated.manifests[0].entries[2], model.manifests[0].entries[2], 'the DNS entry is the same model');
  const after = service.doValidation(updated);
  assert.deepEqual(after, service.doValidation(service.parse(text)));
  // Same lines and columns: an edit inside one line moves offsets, never another entry's range.
  assert.deepEqual(after, before);
  const fix = service.getCodeActions(updated, after[after.length - 1].range)[0];
  assert.equal(fix.title, 'Add notBefore: "2026-01-01T00:00:00Z" (now)');
  assert.deepEqual(fix.edits[0].range, { start: { line: 16, character: 0 }, end: { line: 16, character: 0 } });
});

test('a kept entry follows the clock: a notBefore no longer in the future, a quick fix that writes the new now', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const model = service.parse(MANIFEST);
  const codes = service.doValidation(model).map((diagnostic) => diagnostic.code);
  assert.ok(codes.includes('not-before-future'));
  const { change, text } = editDescription(MANIFEST);
  const updated = service.update(model, [change], text);
  clock = new Date('2026-06-01T12:00:00Z');
  const diagnostics = service.doValidation(updated);
  assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'not-before-future'));
  assert.deepEqual(diagnostics, service.doValidation(service.parse(text)));
  const dns = diagnostics.find((diagnostic) => diagnostic.range.start.line === 13);
  assert.equal(dns?.code, 'missing-not-before');
  const titles = service.getCodeActions(updated, dns.range).map((action) => action.title);
  assert.deepEqual(titles, ['Add notBefore: "2026-06-01T12:00:00Z" (now)']);
});

test('a duplicate found before an edit between its two entries keeps its message, and its quick fix removes the right lines', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const text = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: kept',
    'spec:',
    '  revocations:',
    '  - kind: serialnumber',
    '    serialNumber: "0a1b"',
    '  - description: between',
    '    kind: serialnumber',
    '    serialNumber: "77"',
    '  - kind: serialnumber',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '    serialNumber: "0A1B"',
    '  - kind: serialnumber',
    '    serialNumber: "88"',
    '',
  ].join('\n');
  const { updated, fresh } = afterEdit(text, text.indexOf('between') + 3, 'xyz');
  const actions = sameFixes(updated, fresh, 'duplicate-entry');
  assert.deepEqual(
    actions.map((action) => action.edits[0].range),
    [{ start: { line: 11, character: 0 }, end: { line: 14, character: 0 } }],
  );
});

test('an unknown key after the edited entry keeps its schema finding, and its rename lands on the key', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const text = MANIFEST.replace(
    '  - kind: DNS\n    dns: svc.ns.svc',
    '  - kind: DNS\n    dns: svc.ns.svc\n    notbefore: "2020-01-01T00:00:00Z"',
  );
  const { updated, fresh } = afterEdit(text, text.indexOf('first') + 1, 'x');
  const actions = sameFixes(updated, fresh, 'unknown-field');
  assert.deepEqual(
    actions.map((action) => [action.title, action.edits[0].range]),
    [['Rename `notbefore` to `notBefore`', { start: { line: 14, character: 4 }, end: { line: 14, character: 13 } }]],
  );
});

test('two findings sharing one fix (a field-kind mix-up) move it once: its edits stay on their text', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const text = MANIFEST.replace('    dns: svc.ns.svc', '    ip: svc.ns.svc');
  const { updated, fresh } = afterEdit(text, text.indexOf('first') + 1, 'xxxxxxxx');
  const actions = sameFixes(updated, fresh, 'field-kind-mismatch').filter(
    (action) => action.diagnostic?.code === 'field-kind-mismatch',
  );
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Rename `ip` to `dns`', 'Change kind to `IP`'],
  );
  const renamed = actions[0].edits[0];
  assert.deepEqual(renamed.range, { start: { line: 13, character: 4 }, end: { line: 13, character: 6 } });
});

test('a quick fix shared by two findings of an entry moves once with the entry', () => {
  // `group` in a serial entry: the kind and the field each offer the same fixes.
  const text = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: shared',
    'spec:',
    '  revocations:',
    '  - kind: serialnumber',
    '    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2',
    '  - {kind: serialnumber, group: system:nodes}',
    '  - kind: DNS',
    '    dns: a.example',
    '',
  ].join('\n');
  const { updated, fresh } = afterEdit(text, text.indexOf('77fdf') + 1, 'a');
  assert.ok(updated.splice, 'the edit took the incremental path');
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(fresh));
  const onFlowEntry = diagnostics.filter((diagnostic) => diagnostic.range.start.line === 8);
  assert.ok(onFlowEntry.length >= 2, 'two findings on the flow entry');
  const actions = onFlowEntry.map((diagnostic) => service.getCodeActions(updated, diagnostic.range));
  assert.deepEqual(
    actions,
    onFlowEntry.map((diagnostic) => service.getCodeActions(fresh, diagnostic.range)),
  );
});
