// Hover, completion and outline over the protocol: the service's answers, as LSP objects, for
// the current version of the document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind,
  type CompletionList,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { fileUri, rangeOf, readRepoFile, startForTest } from './lspClient';

const DOCUMENTED = readRepoFile('examples/documented.yaml');
const DOCUMENTED_URI = fileUri('examples/documented.yaml');
const SERIAL = '77fdf4b1033b387aaace6ce1c18710c2';
const NEW_ENTRY = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec:\n  revocations:\n  - \n';

test('initialize advertises hover, completion, document symbols and folding', async (t) => {
  const client = await startForTest(t);
  const capabilities = client.initializeResult!.capabilities;
  assert.equal(capabilities.hoverProvider, true);
  assert.deepEqual(capabilities.completionProvider, {});
  assert.deepEqual(capabilities.documentSymbolProvider, { label: 'RenewRevocation' });
  assert.equal(capabilities.foldingRangeProvider, true);
});

test('hover on a serial number shows its forms, over the serial', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const serial = rangeOf(DOCUMENTED, SERIAL);
  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    position: { line: serial.start.line, character: serial.start.character + 4 },
  });
  assert.ok(hover);
  assert.deepEqual(hover.range, serial);
  assert.ok(typeof hover.contents === 'object' && 'kind' in hover.contents && hover.contents.kind === 'markdown');
  assert.match(hover.contents.value, /colon form: `77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2`/);
  assert.match(hover.contents.value, /16 octets/);
});

test('hover where there is nothing to say answers null', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('other.yaml');
  await client.open(uri, 'kind: ConfigMap\ndata:\n  a: b\n');
  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri },
    position: { line: 2, character: 3 },
  });
  assert.equal(hover, null);
});

test('completion in a new entry offers a snippet per kind, inserted as-is at the cursor', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('new-entry.yaml');
  await client.open(uri, NEW_ENTRY);
  const cursor = { line: 4, character: 4 };
  const { items } = await client.request<CompletionList>(CompletionRequest.method, {
    textDocument: { uri },
    position: cursor,
  });
  const group = items.find((item) => item.label === 'Group entry');
  assert.ok(group, JSON.stringify(items.map((item) => item.label)));
  assert.equal(group.kind, CompletionItemKind.Snippet);
  assert.equal(group.insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(group.insertTextMode, InsertTextMode.asIs);
  const edit = group.textEdit as TextEdit;
  assert.deepEqual(edit.range, { start: cursor, end: cursor });
  assert.match(
    edit.newText,
    /^description: \$\{1:Revoked certificates by group\}\n {4}kind: Group\n {4}group: \$\{2:<group>\}\n {4}notBefore: "\$\{3:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\}"\$0$/,
  );
  const kindKey = items.find((item) => item.label === 'kind');
  assert.equal(kindKey?.kind, CompletionItemKind.Property);
  assert.equal(kindKey?.insertTextFormat, InsertTextFormat.PlainText);
});

test('a client without snippet support gets the snippets with their placeholders filled in', async (t) => {
  const client = await startForTest(t, { snippets: false });
  const uri = fileUri('new-entry.yaml');
  await client.open(uri, NEW_ENTRY);
  const { items } = await client.request<CompletionList>(CompletionRequest.method, {
    textDocument: { uri },
    position: { line: 4, character: 4 },
  });
  const group = items.find((item) => item.label === 'Group entry')!;
  assert.equal(group.insertTextFormat, InsertTextFormat.PlainText);
  assert.match(
    (group.textEdit as TextEdit).newText,
    /^description: Revoked certificates by group\n {4}kind: Group\n {4}group: <group>\n {4}notBefore: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/,
  );
});

test("the outline has the manifest with one child per entry, selecting each entry's value", async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
  });
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'my-renew-revocation');
  assert.equal(symbols[0].kind, SymbolKind.Module);
  assert.deepEqual(symbols[0].selectionRange, rangeOf(DOCUMENTED, 'my-renew-revocation'));
  const children = symbols[0].children ?? [];
  assert.deepEqual(
    children.map((child) => [child.name, child.kind]),
    [
      [`serialnumber ${SERIAL}`, SymbolKind.Object],
      ['Group system:nodes', SymbolKind.Object],
      ['DNS kubernetes.default.svc.', SymbolKind.Object],
      ['DNS .cluster.local', SymbolKind.Object],
      ['IP 170.63.128.124', SymbolKind.Object],
    ],
  );
  assert.deepEqual(children[1].selectionRange, rangeOf(DOCUMENTED, 'system:nodes'));
});

test("a client without nested symbols gets a flat list naming each entry's manifest", async (t) => {
  const client = await startForTest(t, { hierarchicalSymbols: false });
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const symbols = await client.request<SymbolInformation[]>(DocumentSymbolRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
  });
  assert.deepEqual(
    symbols.map((symbol) => [symbol.name, symbol.containerName, symbol.location.uri]),
    [
      ['my-renew-revocation', undefined, DOCUMENTED_URI],
      [`serialnumber ${SERIAL}`, 'my-renew-revocation', DOCUMENTED_URI],
      ['Group system:nodes', 'my-renew-revocation', DOCUMENTED_URI],
      ['DNS kubernetes.default.svc.', 'my-renew-revocation', DOCUMENTED_URI],
      ['DNS .cluster.local', 'my-renew-revocation', DOCUMENTED_URI],
      ['IP 170.63.128.124', 'my-renew-revocation', DOCUMENTED_URI],
    ],
  );
});

test('the outline follows an incremental edit', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const ip = rangeOf(DOCUMENTED, '170.63.128.124');
  await client.change(DOCUMENTED_URI, 2, [{ range: ip, text: '10.0.0.1' }]);
  const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
  });
  assert.equal(symbols[0].children?.at(-1)?.name, 'IP 10.0.0.1');
});

test('a PEM bundle folds per block; a YAML document gets null, so the editor folds it by indentation', async (t) => {
  const client = await startForTest(t);
  const bundleUri = fileUri('test/fixtures/pki/bundle.pem');
  const bundle = readRepoFile('test/fixtures/pki/bundle.pem');
  await client.open(bundleUri, bundle, 'pem');
  const ranges = await client.request<FoldingRange[] | null>(FoldingRangeRequest.method, {
    textDocument: { uri: bundleUri },
  });
  const lines = bundle.split(/\r?\n/);
  const begins = lines.flatMap((line, index) => (line.startsWith('-----BEGIN ') ? [index] : []));
  assert.deepEqual(
    ranges?.map((range) => range.startLine),
    begins,
  );
  assert.ok(ranges!.every((range) => lines[range.endLine].startsWith('-----END ')));

  await client.open(DOCUMENTED_URI, DOCUMENTED);
  assert.equal(await client.request(FoldingRangeRequest.method, { textDocument: { uri: DOCUMENTED_URI } }), null);
});
