// Property: edits inside one line of an entry (as typing in a value or a comment is), the edits
// the incremental parse splices in (parse/incremental.ts), give after every keystroke the
// diagnostics and quick fixes of the text opened fresh. The generic edits of
// serviceProperties.test.ts mostly add line breaks or touch indentation and so take the full
// parse; these are aimed where the incremental path applies, with text the certificate scan, the
// duplicate check and the value rules react to, and the test fails unless most of them took it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isMap, type Node } from 'yaml';
import { createLanguageService, LineIndex, type FileModel } from '../../server/src/service/index';
import type { EntryModel } from '../../server/src/service/manifest/manifestModel';
import { applyChange, type TextChange } from '../../server/src/service/parse/incremental';
import { manifestText, RUNS } from './manifestArbitraries';

const NOW = new Date('2026-01-01T00:00:00Z');
const service = createLanguageService({ now: () => NOW });

// What follows the manifest now and then: certificate data the carried scan must keep up with.
const CERTIFICATE_AFTER = [
  '',
  '---\nkind: ConfigMap\ndata:\n  ca.pem: |\n    -----BEGIN CERTIFICATE-----\n    AAAA\n    -----END CERTIFICATE-----\n',
  '---\nkind: Secret\ndata:\n  tls.crt: not base64 ~~\n  ca.crt: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==\n',
];

// Mostly what keeps the entry's YAML whole (most keystrokes do), now and then what breaks it.
const TYPED = [
  'a',
  '0',
  'f',
  '.',
  'x',
  'MII',
  '-----',
  'tls.crt',
  'LS0tLS1CRUdJT',
  '2021-',
  '10.0.0.1',
  'team-1',
  'kind',
];
const BREAKING = [':', ' ', '"', ',', '\\', '-----BEGIN CERTIFICATE-----'];

interface LineEdit {
  line: number;
  column: number;
  removed: number;
  typed: string;
}

const lineEdit = fc.record({
  line: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  column: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.integer({ min: 0, max: 3 }),
  typed: fc.oneof({ arbitrary: fc.constantFrom(...TYPED, '', ''), weight: 6 }, fc.constantFrom(...BREAKING)),
});

/** The lines of the revocation lists of `text` (under a `revocations:` key), from where their value starts. */
function entryLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let listIndent = -1;
  let offset = 0;
  for (const line of text.split('\n')) {
    const content = line.replace(/\r$/, '');
    const indent = content.length - content.trimStart().length;
    if (content.trim() !== '') {
      if (content.startsWith('---') || indent < listIndent) listIndent = -1;
      // In a value (where most keystrokes go), else after the first non-blank character.
      else if (listIndent >= 0) {
        const colon = content.indexOf(': ', indent);
        const lead = colon === -1 ? indent + 1 : colon + 2;
        lines.push({ start: offset + lead, end: offset + content.length });
      }
      if (/^\s*revocations:\s*$/.test(content)) listIndent = indent;
    }
    offset += line.length + 1;
  }
  return lines;
}

/** The change of `edit` in `text`: within one line of an entry, after its first non-blank character. */
function changeOf(text: string, edit: LineEdit): TextChange {
  const lines = entryLines(text);
  if (lines.length === 0) return { start: 0, end: 0, text: edit.typed };
  const { start, end } = lines[Math.floor(edit.line * lines.length)];
  const at = start + Math.floor(edit.column * (end - start));
  return { start: at, end: Math.min(end, at + edit.removed), text: edit.typed };
}

let edits = 0;
let spliced = 0;

test(`property: keystrokes inside an entry's line give a fresh open's diagnostics and fixes (${RUNS} runs)`, (t) => {
  fc.assert(
    fc.property(
      manifestText,
      fc.constantFrom(...CERTIFICATE_AFTER),
      fc.array(lineEdit, { minLength: 1, maxLength: 6 }),
      (manifest, after, keystrokes: LineEdit[]) => {
        let text = manifest + after;
        let model = service.parse(text);
        service.doValidation(model);
        for (const keystroke of keystrokes) {
          const change = changeOf(text, keystroke);
          text = applyChange(text, change);
          model = service.update(model, [change], text);
          edits++;
          if (model.splice) spliced++;
          const fresh = service.parse(text);
          const diagnostics = service.doValidation(model);
          assert.deepEqual(diagnostics, service.doValidation(fresh), `after ${JSON.stringify(change)}:\n${text}`);
          assert.deepEqual(
            diagnostics.map((diagnostic) => service.getCodeActions(model, diagnostic.range)),
            diagnostics.map((diagnostic) => service.getCodeActions(fresh, diagnostic.range)),
            `quick fixes after ${JSON.stringify(change)}:\n${text}`,
          );
        }
      },
    ),
    { numRuns: RUNS },
  );
  t.diagnostic(`${spliced} of ${edits} edits took the incremental path`);
  // Else the property says nothing of the incremental path: the generator must aim better.
  assert.ok(spliced >= edits * 0.25, `only ${spliced} of ${edits} edits took the incremental path`);
});

interface Position {
  line: number;
  character: number;
}

/** Where to ask about the text: the start, middle and end of each entry line. */
function probes(text: string): Position[] {
  const lines = new LineIndex(text);
  return entryLines(text).flatMap(({ start, end }) =>
    [start, (start + end) >> 1, end].map((offset) => lines.positionAt(offset)),
  );
}

/**
 * The features that read node positions. Each is asked first, on a model of its own: a feature
 * asked after another would see the nodes that one had moved.
 */
const FEATURES: Record<string, (model: FileModel, at: readonly Position[]) => unknown> = {
  diagnostics: (model) => service.doValidation(model),
  lenses: (model) => service.getCodeLenses(model),
  hovers: (model, at) => at.map((position) => service.doHover(model, position)),
  completions: (model, at) => at.map((position) => service.doComplete(model, position)),
  symbols: (model) => service.findDocumentSymbols(model),
  nodes: (model) => model.manifests.map((manifest) => manifest.entries.map(nodePositions)),
  documents: (model) =>
    model.documents.map((document) => document.manifests.map((manifest) => manifest.entries.map(nodePositions))),
};

/**
 * Where an entry's nodes start and its keys and values are written. Not where a node ends with the
 * comment lines after it (a range's third offset), nor where the entry's mapping ends: a re-parsed
 * entry followed by a comment line ends them before the comment, a whole parse after its
 * indentation (from before nodes were moved late), and no feature reads those ends.
 */
function nodePositions(entry: EntryModel): unknown {
  const node = entry.node;
  const pairs = isMap(node) ? node.items : [];
  const written = (item: unknown) => (item as Node | null)?.range?.slice(0, 2);
  return [node?.range?.[0], pairs.map((pair) => [written(pair.key), written(pair.value)])];
}

test(`property: keystrokes with nothing read in between leave no node where a fresh parse has none (${RUNS} runs)`, () => {
  // The incremental parse leaves the nodes of the entries after an edit behind until something
  // reads the model (parse/staleEntries.ts): several keystrokes pile up before anything does.
  fc.assert(
    fc.property(
      manifestText,
      fc.constantFrom(...CERTIFICATE_AFTER),
      fc.array(lineEdit, { minLength: 1, maxLength: 6 }),
      fc.boolean(),
      (manifest, after, keystrokes: LineEdit[], validatedFirst) => {
        const typed = (): { model: FileModel; text: string } => {
          let text = manifest + after;
          let model = service.parse(text);
          if (validatedFirst) service.doValidation(model);
          for (const keystroke of keystrokes) {
            const change = changeOf(text, keystroke);
            text = applyChange(text, change);
            model = service.update(model, [change], text);
          }
          return { model, text };
        };
        const { text } = typed();
        const at = probes(text);
        const fresh = service.parse(text);
        for (const [name, ask] of Object.entries(FEATURES))
          assert.deepEqual(ask(typed().model, at), ask(fresh, at), `${name}:\n${text}`);
      },
    ),
    { numRuns: RUNS },
  );
});
