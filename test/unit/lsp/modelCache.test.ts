import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reportingChanges } from '../../../server/src/lsp/documentChanges';
import { createModelCache, type ModelFactory } from '../../../server/src/lsp/modelCache';
import { createLanguageService, type TextChange } from '../../../server/src/service/index';

const MANIFEST = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: cache',
  'spec:',
  '  revocations:',
  '  - kind: serialnumber',
  '    serialNumber: "77fdf4b1033b387aaace6ce1c18710c2"',
  '  - kind: IP',
  '    ip: 10.0.0.1',
  '    notBefore: "2020-04-17T17:22:05Z"',
  '',
].join('\n');

/** A factory over the real service that counts full parses and incremental updates. */
function countingFactory() {
  const service = createLanguageService({ now: () => new Date('2026-01-01T00:00:00Z') });
  const calls = { parse: 0, update: 0 };
  const factory: ModelFactory = {
    parse: (text, languageId) => {
      calls.parse++;
      return service.parse(text, languageId);
    },
    update: (previous, change, text) => {
      calls.update++;
      return service.update(previous, [change], text);
    },
  };
  return { service, calls, factory };
}

test('one model per document version: the same version is never parsed twice', () => {
  const { calls, factory } = countingFactory();
  const cache = createModelCache(factory);
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, MANIFEST);
  const first = cache.get(document);
  assert.equal(cache.get(document), first);
  assert.deepEqual(calls, { parse: 1, update: 0 });
  cache.onDocumentRemoved(document.uri);
  cache.get(document);
  assert.deepEqual(calls, { parse: 2, update: 0 });
});

test('edits reach the next model from the cached one, with the same diagnostics as a fresh parse', () => {
  const { service, calls, factory } = countingFactory();
  const cache = createModelCache(factory);
  // What TextDocuments calls on didChange.
  const { update } = reportingChanges((uri, changes, version) => cache.onDocumentChanged(uri, changes, version));
  const document = TextDocument.create('file:///b.yaml', 'yaml', 1, MANIFEST);
  cache.get(document);
  const ip = MANIFEST.indexOf('10.0.0.1');
  const at = (offset: number) => document.positionAt(offset);
  // Two keystrokes (two versions) before the next request: `10.0.0.1` → `10.0.0.123`.
  update(document, [{ range: { start: at(ip + 8), end: at(ip + 8) }, text: '2' }], 2);
  update(document, [{ range: { start: document.positionAt(ip + 9), end: document.positionAt(ip + 9) }, text: '3' }], 3);
  assert.equal(document.version, 3);
  const model = cache.get(document);
  assert.equal(model.text, MANIFEST.replace('10.0.0.1', '10.0.0.123'));
  assert.deepEqual(calls, { parse: 1, update: 2 });
  assert.deepEqual(service.doValidation(model), service.doValidation(service.parse(model.text, 'yaml')));
});

test("edits that do not lead to the editor's text are not trusted: a full parse", () => {
  const { calls, factory } = countingFactory();
  const cache = createModelCache(factory);
  const document = TextDocument.create('file:///c.yaml', 'yaml', 1, MANIFEST);
  cache.get(document);
  const wrong: TextChange[] = [{ start: 0, end: 0, text: '#' }];
  cache.onDocumentChanged(document.uri, wrong, 2);
  TextDocument.update(document, [{ text: MANIFEST.replace('cache', 'other') }], 2);
  assert.equal(cache.get(document).text, document.getText());
  assert.equal(calls.parse, 2);
});

test('a language change gives a new model', () => {
  const { factory } = countingFactory();
  const cache = createModelCache(factory);
  assert.equal(cache.get(TextDocument.create('file:///d', 'yaml', 1, MANIFEST)).manifests.length, 1);
  const plain = cache.get(TextDocument.create('file:///d', 'plaintext', 1, MANIFEST));
  assert.equal(plain.languageId, 'plaintext');
  assert.equal(plain.manifests.length, 0);
});

test('advance reaches the edited version at once, and leaves a document never parsed alone', () => {
  const { calls, factory } = countingFactory();
  const cache = createModelCache(factory);
  const { update } = reportingChanges((uri, changes, version) => cache.onDocumentChanged(uri, changes, version));
  const never = TextDocument.create('file:///never.yaml', 'yaml', 1, MANIFEST);
  cache.advance(never);
  assert.deepEqual(calls, { parse: 0, update: 0 });

  const document = TextDocument.create('file:///c.yaml', 'yaml', 1, MANIFEST);
  const first = cache.get(document);
  cache.advance(document);
  assert.deepEqual(calls, { parse: 1, update: 0 }, 'the current version is not parsed again');
  const ip = MANIFEST.indexOf('10.0.0.1');
  update(document, [{ range: { start: document.positionAt(ip + 8), end: document.positionAt(ip + 8) }, text: '2' }], 2);
  cache.advance(document);
  assert.deepEqual(calls, { parse: 1, update: 1 });
  const advanced = cache.get(document);
  assert.notEqual(advanced, first);
  assert.equal(advanced.text, MANIFEST.replace('10.0.0.1', '10.0.0.12'));
  assert.deepEqual(calls, { parse: 1, update: 1 }, 'the read after advance finds the model ready');
});
