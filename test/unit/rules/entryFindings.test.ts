// Each entry's findings are kept across versions while the entry is unchanged
// (rules/entryFindings.ts): after an edit in one entry the others give the very same findings,
// moved with their text, and what the clock decides still follows the clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/index';
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
  const model = service.parse(text);
  service.doValidation(model);
  const at = text.indexOf('between') + 3;
  const change = { start: at, end: at, text: 'xyz' };
  const edited = applyChange(text, change);
  const updated = service.update(model, [change], edited);
  const fresh = service.parse(edited);
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(fresh));
  const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-entry');
  assert.ok(duplicate);
  const actions = service.getCodeActions(updated, duplicate.range);
  assert.deepEqual(actions, service.getCodeActions(fresh, duplicate.range));
  assert.deepEqual(
    actions.map((action) => action.edits[0].range),
    [{ start: { line: 11, character: 0 }, end: { line: 14, character: 0 } }],
  );
});
