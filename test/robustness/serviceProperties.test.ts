// Properties of the whole language service (fast-check), on generated manifests with every kind of
// mistake, on the same mutated by editor-like edits, and on PEM text:
//  1. no exception escapes any feature (diagnostics, quick fixes, hover, completion, outline,
//     folding, decoded view, the preview), in any language;
//  2. applying any quick fix offered to valid YAML leaves valid YAML (and the file's line ends);
//  3. after a sequence of incremental edits (service.update, one change at a time as the server
//     applies didChange, or a batch), the diagnostics after every edit, and at the end everything
//     the service answers, equal what it answers for the same text opened fresh.
// RUNS per property: 1,000 in `npm test`, FUZZ_RUNS in `npm run fuzz`.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import fc from 'fast-check';
import { createLanguageService, type FileModel } from '../../server/src/service/index';
import { applyChange, type TextChange } from '../../server/src/service/parse/incremental';
import { CertificateInventory } from '../../server/src/service/inventory/inventory';
import { previewRevocation } from '../../server/src/service/match/preview';
import { applyEdits } from '../unit/helpers/applyEdits';
import { summary } from '../unit/helpers/certificateSummaries';
import { changesFor, editStyle, manifestText, pemText, RUNS } from './manifestArbitraries';

/** CPU time of a property (the wall clock on a shared machine says little), reported. */
function reportCpu(t: TestContext, started: NodeJS.CpuUsage): void {
  const used = process.cpuUsage(started);
  t.diagnostic(`${RUNS} runs in ${Math.round((used.user + used.system) / 1000)} ms of CPU`);
}

const NOW = new Date('2026-01-01T00:00:00Z');
const service = createLanguageService({ now: () => NOW });

/** Certificates some generated entries match (by serial, group, DNS name, suffix and IP). */
const inventory = new CertificateInventory();
inventory.setFile('pki/bundle.pem', {
  certificates: [
    summary({ name: 'node', organizations: ['system:nodes'], commonName: 'system:node:n1' }),
    summary({ name: 'serial', serialNumber: '77fdf4b1033b387aaace6ce1c18710c2' }),
    summary({
      name: 'api',
      dnsNames: ['kubernetes.default.svc', 'api.cluster.local'],
      ipAddresses: ['10.0.0.1', '170.63.128.124'],
      extendedKeyUsage: ['serverAuth'],
    }),
    summary({ name: 'ca', isCA: true, organizations: ['system:masters'] }),
  ].map((certificate, index) => ({ certificate, index })),
});
const snapshot = inventory.snapshot();

/** Offsets (as fractions of the text) where hover and completion are asked. */
const probes = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** Everything the service answers for a model, at the probed offsets, as plain data. */
function observe(model: FileModel, fractions: readonly number[]): unknown {
  const positions = fractions.map((fraction) => model.lineIndex.positionAt(Math.floor(fraction * model.text.length)));
  const diagnostics = service.doValidation(model);
  return {
    diagnostics,
    codeActions: diagnostics.map((diagnostic) => service.getCodeActions(model, diagnostic.range)),
    hovers: positions.map((position) => service.doHover(model, position)),
    completions: positions.map((position) => service.doComplete(model, position)),
    symbols: service.findDocumentSymbols(model),
    folding: service.getFoldingRanges(model),
    preview: previewRevocation(model, snapshot),
  };
}

function applyAll(text: string, changes: readonly TextChange[]): string {
  return changes.reduce(applyChange, text);
}

const mutatedManifest = fc
  .tuple(manifestText, fc.array(editStyle, { maxLength: 4 }))
  .map(([text, edits]) => edits.reduce((current, edit) => applyAll(current, changesFor(current, edit)), text));

test(`property: no exception escapes the service on generated and mutated manifests (${RUNS} runs)`, (t) => {
  const started = process.cpuUsage();
  fc.assert(
    fc.property(
      mutatedManifest,
      probes,
      fc.constantFrom('yaml', 'yaml', 'yaml', 'markdown', 'plaintext', 'pem'),
      (text, fractions, languageId) => {
        const model = service.parse(text, languageId);
        observe(model, fractions);
        if (languageId === 'pem') service.decodeForView(text);
      },
    ),
    { numRuns: RUNS },
  );
  reportCpu(t, started);
});

test(`property: no exception escapes the service on PEM text, as text and as bytes (${RUNS} runs)`, (t) => {
  const started = process.cpuUsage();
  fc.assert(
    fc.property(pemText, probes, fc.constantFrom('pem', 'yaml', 'markdown'), (text, fractions, languageId) => {
      observe(service.parse(text, languageId), fractions);
      service.decodeForView(text);
      service.decodeForView(new TextEncoder().encode(text));
    }),
    { numRuns: RUNS },
  );
  reportCpu(t, started);
});

const bareLineFeeds = (text: string) => text.match(/(?<!\r)\n/g)?.length ?? 0;
const yamlIsValid = (text: string) => service.parse(text).documents.every((document) => document.errors.length === 0);

test(`property: every quick fix offered on valid YAML leaves valid YAML with the same line ends (${RUNS} runs)`, (t) => {
  const started = process.cpuUsage();
  fc.assert(
    fc.property(mutatedManifest, (text) => {
      if (!yamlIsValid(text)) return;
      const model = service.parse(text);
      const crlf = text.includes('\r\n') && bareLineFeeds(text) === 0;
      const tried = new Set<string>();
      for (const diagnostic of service.doValidation(model)) {
        for (const action of service.getCodeActions(model, diagnostic.range)) {
          const fixed = applyEdits(text, action.edits);
          if (tried.has(fixed)) continue;
          tried.add(fixed);
          assert.ok(yamlIsValid(fixed), `"${action.title}" (${action.diagnostic.code}) broke the YAML:\n${fixed}`);
          if (crlf) assert.equal(bareLineFeeds(fixed), 0, `"${action.title}" wrote a bare LF into a CRLF file`);
        }
      }
    }),
    { numRuns: RUNS },
  );
  reportCpu(t, started);
});

test(`property: after incremental edits the whole service answers as for the text opened fresh (${RUNS} runs)`, (t) => {
  const started = process.cpuUsage();
  fc.assert(
    fc.property(
      manifestText,
      fc.array(fc.tuple(editStyle, fc.boolean()), { minLength: 1, maxLength: 3 }),
      probes,
      (start, edits, fractions) => {
        let text = start;
        let model = service.parse(text);
        for (const [edit, batched] of edits) {
          const changes = changesFor(text, edit);
          if (batched) {
            // didChange with several content changes, handed over in one call.
            text = applyAll(text, changes);
            model = service.update(model, changes, text);
          } else {
            for (const change of changes) {
              text = applyChange(text, change);
              model = service.update(model, [change], text);
            }
          }
          // As the server does after an edit: the incremental model's memos fill, as they would there.
          assert.deepEqual(
            service.doValidation(model),
            service.doValidation(service.parse(text)),
            `diagnostics after ${JSON.stringify(edit)}:\n${text}`,
          );
        }
        assert.deepEqual(
          observe(model, fractions),
          observe(service.parse(text), fractions),
          `after ${JSON.stringify(edits)}:\n${text}`,
        );
      },
    ),
    { numRuns: RUNS },
  );
  reportCpu(t, started);
});

// Findings kept per entry across versions (rules/entryFindings.ts) must follow the clock: a
// notBefore that was in the future may not be any more, and a quick fix that writes "now" writes
// the time of the request, not of the version that first found the entry.
let clock = NOW;
const movingService = createLanguageService({ now: () => clock });

test(`property: with the clock moving between edits, incremental diagnostics and quick fixes equal a fresh open's (${RUNS} runs)`, (t) => {
  const started = process.cpuUsage();
  fc.assert(
    fc.property(
      manifestText,
      fc.array(fc.tuple(editStyle, fc.integer({ min: 0, max: 4 * 365 * 86_400 })), { minLength: 1, maxLength: 3 }),
      (start, edits) => {
        clock = NOW;
        let text = start;
        let model = movingService.parse(text);
        movingService.doValidation(model);
        for (const [edit, seconds] of edits) {
          for (const change of changesFor(text, edit)) {
            text = applyChange(text, change);
            model = movingService.update(model, [change], text);
          }
          clock = new Date(clock.getTime() + seconds * 1000);
          const fresh = movingService.parse(text);
          const diagnostics = movingService.doValidation(model);
          assert.deepEqual(
            diagnostics,
            movingService.doValidation(fresh),
            `diagnostics at ${clock.toISOString()}:\n${text}`,
          );
          assert.deepEqual(
            diagnostics.map((diagnostic) => movingService.getCodeActions(model, diagnostic.range)),
            diagnostics.map((diagnostic) => movingService.getCodeActions(fresh, diagnostic.range)),
            `quick fixes at ${clock.toISOString()}:\n${text}`,
          );
        }
      },
    ),
    { numRuns: RUNS },
  );
  reportCpu(t, started);
});
