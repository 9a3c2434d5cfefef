import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  applyChange,
  createLanguageService,
  parseFile,
  updateFile,
  type FileModel,
  type TextChange,
} from '../../../server/src/service/index';

const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });

const ENTRY_TEMPLATES = [
  (i: number) =>
    `  - description: serial ${i}\n    kind: serialnumber\n    notBefore: "2020-04-17T17:22:05Z"\n    serialNumber: ${(0x1000 + i).toString(16)}ab\n`,
  (i: number) => `  - description: group ${i}\n    group: team-${i % 7}\n    kind: Group\n`,
  (i: number) => `  - dns: node${i}.cluster.local.\n    kind: DNS\n    notBefore: "2021-01-01T00:00:00Z"\n`,
  (i: number) => `  - ip: 10.0.${i % 250}.${(i * 7) % 250}\n    kind: IP  # an address\n`,
  (i: number) => `  - kind: dns\n    dns: "*.bad${i}.example"\n`,
  (i: number) =>
    `  - kind: serialnumber\n    serialNumber: "00:AB:${(i % 200).toString(16).padStart(2, '0')}"\n    notbefore: soon\n`,
];

function manifestText(kinds: number[], trailer: boolean): string {
  const entries = kinds.map((kind, i) => ENTRY_TEMPLATES[kind % ENTRY_TEMPLATES.length](i)).join('');
  const head =
    'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: m\nspec:\n  revocations:\n';
  const other = trailer
    ? '---\nkind: ConfigMap\ndata:\n  a: b\n---\napiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: second\nspec:\n  revocations:\n  - kind: IP\n    ip: 10.1.1.1\n'
    : '';
  return head + entries + other;
}

/** What a user sees of a model: the diagnostics, the outline, and the entries the preview reads. */
function observable(model: FileModel): unknown {
  return {
    diagnostics: service.doValidation(model),
    symbols: service.findDocumentSymbols(model),
    entries: model.manifests.map((manifest) =>
      manifest.entries.map((entry) => [
        entry.start,
        entry.end,
        entry.kind,
        entry.valueField?.value,
        entry.valueField?.valueStart,
        entry.notBefore?.value,
      ]),
    ),
  };
}

const typed = fc.constantFrom(
  'a',
  '0',
  ':',
  ' ',
  '.',
  '"',
  "'",
  '-',
  '#',
  '\n',
  '',
  'x',
  'Z',
  '[',
  '{',
  '&',
  '*',
  '\t',
);

test('incremental updates equal a fresh parse after every edit, on random manifests and random edits', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }),
      fc.boolean(),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(2), typed), { minLength: 1, maxLength: 8 }),
      (kinds, trailer, edits) => {
        let text = manifestText(kinds, trailer);
        let model = parseFile(text);
        for (const [where, removeCount, insert] of edits) {
          const start = Math.floor(where * text.length);
          const change: TextChange = { start, end: Math.min(text.length, start + removeCount), text: insert };
          text = applyChange(text, change);
          model = updateFile(model, [change], text);
          assert.deepEqual(observable(model), observable(parseFile(text)));
        }
      },
    ),
    { numRuns: 1000 },
  );
});

test('an edit inside one entry of a large manifest re-parses that entry only', () => {
  const kinds = Array.from({ length: 2000 }, (_, i) => i);
  const text = manifestText(kinds, false);
  const model = parseFile(text);
  const target = model.manifests[0].entries[1003];
  const at = target.valueField!.valueEnd - 1;
  const change: TextChange = { start: at, end: at, text: 'f' };
  const updated = updateFile(model, [change], applyChange(text, change));
  // The untouched entries keep their very nodes: proof that nothing else was parsed again.
  const fresh = parseFile(applyChange(text, change));
  assert.notEqual(updated.manifests[0].entries[1002].node, fresh.manifests[0].entries[1002].node);
  assert.equal(updated.manifests[0].entries[1002].node, model.manifests[0].entries[1002].node);
  assert.deepEqual(observable(updated), observable(fresh));
});

test('edits that can change the structure fall back to a full parse with the same result', () => {
  const text = manifestText([0, 1, 2], false);
  const cases: TextChange[] = [
    { start: text.indexOf('  - description: group'), end: text.indexOf('  - description: group') + 2, text: '' },
    { start: text.indexOf('kind: Group') + 4, end: text.indexOf('kind: Group') + 4, text: '\n' },
    { start: text.indexOf('team-1'), end: text.indexOf('team-1'), text: '&anchor ' },
  ];
  for (const change of cases) {
    const model = parseFile(text);
    const after = applyChange(text, change);
    const updated = updateFile(model, [change], after);
    assert.deepEqual(observable(updated), observable(parseFile(after)));
  }
});
