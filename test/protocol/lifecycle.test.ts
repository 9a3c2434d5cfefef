// The server's life over stdio: what it advertises, a clean shutdown, the published binary, and
// staying up when a request is malformed.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CodeActionRequest, TextDocumentSyncKind } from 'vscode-languageserver-protocol/node';
import { fileUri, LspTestClient, repoRoot, startForTest } from './lspClient';

const MANIFEST = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec: [a, b\n';

test('initialize advertises incremental sync and quick fixes, and push diagnostics to a client without pull', async (t) => {
  const client = await startForTest(t);
  const result = client.initializeResult!;
  assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
  assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
  assert.equal(result.capabilities.diagnosticProvider, undefined);
  assert.equal(result.serverInfo?.name, 'renew-revocation-language-server');
});

test('shutdown then exit ends the server with exit code 0', async (t) => {
  const client = await startForTest(t);
  assert.equal(await client.shutdown(), 0);
});

test('the published binary `renew-revocation-language-server --stdio` serves the protocol', async (t) => {
  const client = await startForTest(t, {
    command: {
      file: process.execPath,
      args: [join(repoRoot(), 'bin', 'renew-revocation-language-server.js'), '--stdio'],
    },
  });
  const uri = fileUri('untitled-bin.yaml');
  await client.open(uri, MANIFEST);
  const published = await client.waitForDiagnostics(uri);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['yaml-syntax'],
  );
  assert.equal(await client.shutdown(), 0);
});

test('a request with malformed parameters gets a neutral answer, an error in the log, and the server stays up', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('malformed.yaml');
  await client.open(uri, MANIFEST);
  // No `range`: the handler throws inside; the runner answers [] and logs.
  const answer = await client.request(CodeActionRequest.method, {
    textDocument: { uri },
    context: { diagnostics: [] },
  });
  assert.deepEqual(answer, []);
  const logged = await client.waitFor('the error in the log', () =>
    client.logs.find((log) => log.type === 1 && log.message.includes('Error while computing code actions')),
  );
  assert.match(logged.message, /malformed\.yaml/);
  assert.ok(client.alive);
  const again = await client.request(CodeActionRequest.method, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.ok(Array.isArray(again));
  assert.equal(await client.shutdown(), 0);
});

test('a request about a document the client never opened answers empty', async (t) => {
  const client = await startForTest(t);
  const answer = await client.request(CodeActionRequest.method, {
    textDocument: { uri: fileUri('never-opened.yaml') },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(answer, []);
});

test('LspTestClient.dispose kills a server that was not shut down', async () => {
  const client = await LspTestClient.start();
  client.dispose();
  await client.waitFor('the server to die', () => !client.alive || undefined);
  assert.equal(client.alive, false);
});
