// What validation carries from one check of a manifest to the next (rules/entryFindings.ts, the
// schema's entry data and errors in rules/schema/) must never go stale: after a keystroke the
// incremental parse keeps every entry model but the edited one, and the diagnostics must be those
// of the same text opened fresh, with the edited entry's findings come, gone or changed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService, type Diagnostic } from '../../../server/src/service/index';
import { applyChange } from '../../../server/src/service/parse/incremental';

let clock = new Date('2026-01-01T00:00:00Z');
const service = createLanguageService({ now: () => clock });

const HEAD = ['apiVersion: certificates.microsoft.com/v1', 'kind: RenewRevocation', 'metadata:', '  name: carried'];

function manifest(...entries: string[]): string {
  return [...HEAD, 'spec:', '  revocations:', ...entries, ''].join('\n');
}

const brief = (diagnostics: Diagnostic[]) =>
  diagnostics.map(
    ({ code, range }) =>
      `${String(code)} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`,
  );

/**
 * Checks `text`, replaces the first `find` after `after` with `replace` as one keystroke-sized
 * change (which the incremental parse must splice in), checks again: the diagnostics before and
 * after, those after being asserted equal to a fresh parse's.
 */
function edit(text: string, after: string, find: string, replace: string) {
  const model = service.parse(text);
  const before = service.doValidation(model);
  const start = text.indexOf(find, text.indexOf(after));
  assert.ok(start >= 0, `${find} in the text`);
  const change = { start, end: start + find.length, text: replace };
  const edited = applyChange(text, change);
  const kept = model.manifests[0].entries.at(-1);
  const updated = service.update(model, [change], edited);
  assert.equal(updated.manifests[0].entries.at(-1), kept, 'the edit took the incremental path');
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(diagnostics, service.doValidation(service.parse(edited)));
  return { before: brief(before), after: brief(diagnostics), updated, edited };
}

test('an edit that makes an entry a duplicate of a later one marks the later one, pointing at the edited one', () => {
  const text = manifest(
    '  - kind: serialnumber',
    '    serialNumber: "0a1c"',
    '  - kind: serialnumber',
    '    serialNumber: "77"',
    '  - kind: serialnumber',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '    serialNumber: "0A1B"',
  );
  const { before, after } = edit(text, '0a1c', '0a1c', '0a1b');
  assert.ok(!before.some((line) => line.startsWith('duplicate-entry')));
  assert.ok(after.includes('duplicate-entry 12:18-12:24'), after.join('\n'));
});

test('an edit that fixes a schema error removes it, and one that makes one reports it', () => {
  const text = manifest(
    '  - kind: DNS',
    '    dns: a.example',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '    descriptio: typo',
    '  - kind: DNS',
    '    dns: b.example',
    '    notBefore: "2025-01-01T00:00:00Z"',
  );
  const fixed = edit(text, 'descriptio', 'o:', 'on:');
  assert.deepEqual(fixed.before, ['unknown-field 9:4-9:14']);
  assert.deepEqual(fixed.after, []);
  const broken = edit(fixed.edited, 'kind: DNS', 'DNS', 'DNX');
  assert.ok(broken.after.includes('schema 6:10-6:13'), broken.after.join('\n'));
});

/** Two entries whose notBefore has passed at the tests' usual clock (2026-01-01). */
const TWO_DATED = manifest(
  '  - kind: DNS',
  '    dns: a.example',
  '    notBefore: "2025-01-01T00:00:00Z"',
  '  - kind: DNS',
  '    dns: b.example',
  '    notBefore: "2025-06-01T00:00:00Z"',
);

test('an edit that moves a notBefore into the future reports it, and one back out of it no longer does', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const text = TWO_DATED;
  const ahead = edit(text, 'a.example', '2025', '2027');
  assert.deepEqual(ahead.before, []);
  assert.deepEqual(ahead.after, ['not-before-future 8:15-8:37']);
  const back = edit(ahead.edited, 'a.example', '2027', '2024');
  assert.deepEqual(back.after, []);
});

test('a kept entry follows a clock that goes back: its notBefore, past at the last check, is ahead again', () => {
  clock = new Date('2026-01-01T00:00:00Z');
  const text = TWO_DATED;
  const model = service.parse(text);
  assert.deepEqual(service.doValidation(model), []);
  const start = text.indexOf('a.example');
  const change = { start, end: start + 1, text: 'c' };
  const edited = applyChange(text, change);
  const updated = service.update(model, [change], edited);
  clock = new Date('2025-03-01T00:00:00Z');
  const diagnostics = service.doValidation(updated);
  assert.deepEqual(brief(diagnostics), ['not-before-future 11:15-11:37']);
  assert.deepEqual(diagnostics, service.doValidation(service.parse(edited)));
  clock = new Date('2026-01-01T00:00:00Z');
});

test('a suppression comment typed into an entry is seen, though the text had none at the last check', () => {
  const text = manifest(
    '  - kind: DNS',
    '    dns: a.example',
    '  - kind: DNS',
    '    dns: b.example',
    '    notBefore: "2025-01-01T00:00:00Z"',
  );
  const typed = edit(text, 'a.example', 'a.example', 'a.example # renew-revocation-disable missing-not-before');
  assert.deepEqual(typed.before, ['missing-not-before 7:9-7:18']);
  assert.deepEqual(typed.after, []);
  const untyped = edit(typed.edited, 'a.example', ' # renew-revocation-disable missing-not-before', '');
  assert.deepEqual(untyped.after, ['missing-not-before 7:9-7:18']);
});

test("an edit of a duplicate's notBefore changes which entry its message calls effective; another group stays", () => {
  const text = manifest(
    '  - kind: DNS',
    '    dns: a.example',
    '    notBefore: "2024-01-01T00:00:00Z"',
    '  - kind: DNS',
    '    dns: b.example',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '  - kind: DNS',
    '    dns: A.example',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '  - kind: DNS',
    '    dns: b.example.',
    '    notBefore: "2025-01-01T00:00:00Z"',
    '  - kind: DNS',
    '    dns: c.example',
  );
  const effective = (diagnostics: Diagnostic[]) =>
    diagnostics
      .filter((diagnostic) => diagnostic.code === 'duplicate-entry')
      .map((diagnostic) => `${diagnostic.range.start.line}: ${diagnostic.message.split('. ')[1].split(':')[0]}`);
  const model = service.parse(text);
  assert.deepEqual(effective(service.doValidation(model)), [
    '13: This entry is the effective one',
    '16: The entry at line 11 is the effective one',
  ]);
  const start = text.indexOf('2025', text.indexOf('A.example'));
  const change = { start, end: start + 4, text: '2023' };
  const edited = applyChange(text, change);
  const updated = service.update(model, [change], edited);
  assert.equal(updated.manifests[0].entries[3], model.manifests[0].entries[3], 'the edit took the incremental path');
  const after = service.doValidation(updated);
  assert.deepEqual(after, service.doValidation(service.parse(edited)));
  assert.deepEqual(effective(after), [
    '13: The entry at line 8 is the effective one',
    '16: The entry at line 11 is the effective one',
  ]);
});
