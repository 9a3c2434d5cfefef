import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createModelCache } from '../../../server/src/lsp/modelCache';
import { createLanguageService, type FileModel } from '../../../server/src/service/index';

test('one model per document version: the same version is never parsed twice, a new one is', () => {
  const service = createLanguageService();
  const parsed: number[] = [];
  const cache = createModelCache<FileModel>((document) => {
    parsed.push(document.version);
    return service.parse(document.getText(), document.languageId);
  });
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, 'kind: RenewRevocation\n');
  const first = cache.get(document);
  assert.equal(cache.get(document), first);
  TextDocument.update(document, [{ text: 'kind: ConfigMap\n' }], 2);
  const second = cache.get(document);
  assert.notEqual(second, first);
  assert.equal(second.manifests.length, 0);
  assert.equal(cache.get(document), second);
  assert.deepEqual(parsed, [1, 2]);
  cache.onDocumentRemoved(document.uri);
  cache.get(document);
  assert.deepEqual(parsed, [1, 2, 2]);
});

test('a language change (same version) gives a new model', () => {
  const service = createLanguageService();
  const cache = createModelCache<FileModel>((document) => service.parse(document.getText(), document.languageId));
  const text = 'kind: RenewRevocation\n';
  assert.equal(cache.get(TextDocument.create('file:///a', 'yaml', 1, text)).languageId, 'yaml');
  assert.equal(cache.get(TextDocument.create('file:///a', 'plaintext', 1, text)).languageId, 'plaintext');
});
