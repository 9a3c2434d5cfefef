// Quick fixes over the protocol: a WorkspaceEdit for the document's URI that, applied, fixes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, rangeOf, readRepoFile, startForTest } from './lspClient';

const DOCUMENTED = readRepoFile('examples/documented.yaml');
const DOCUMENTED_URI = fileUri('examples/documented.yaml');

test('the quick fix for missing-not-before adds notBefore to that entry, and its warning goes away', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const published = await client.waitForDiagnostics(DOCUMENTED_URI);
  const group = rangeOf(DOCUMENTED, 'system:nodes');
  const warning = published.diagnostics.find(
    (d) => d.code === 'missing-not-before' && d.range.start.line === group.start.line,
  )!;
  assert.ok(warning);

  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    range: group,
    context: { diagnostics: [warning], only: ['quickfix'] },
  });
  const addNotBefore = actions.find((action) => action.diagnostics?.[0]?.code === 'missing-not-before');
  assert.ok(addNotBefore, JSON.stringify(actions));
  assert.equal(addNotBefore.kind, 'quickfix');
  assert.equal(addNotBefore.isPreferred, true);
  assert.match(addNotBefore.title, /^Add notBefore: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ" \(now\)$/);
  assert.deepEqual(addNotBefore.diagnostics![0].range, group);
  assert.deepEqual(Object.keys(addNotBefore.edit!.changes!), [DOCUMENTED_URI]);
  const edits = addNotBefore.edit!.changes![DOCUMENTED_URI];

  const fixed = TextDocument.applyEdits(TextDocument.create(DOCUMENTED_URI, 'yaml', 1, DOCUMENTED), edits);
  assert.match(fixed, / {4}group: system:nodes\n {4}kind: Group\n {4}notBefore: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"\n/);
  await client.change(
    DOCUMENTED_URI,
    2,
    edits.map((edit) => ({ range: edit.range, text: edit.newText })),
  );
  const after = await client.waitForDiagnostics(DOCUMENTED_URI, (p) => p.version === 2);
  assert.deepEqual(
    after.diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}`).sort(),
    [
      `broad-revocation@${group.start.line}`,
      `missing-not-before@${rangeOf(fixed, 'kubernetes.default.svc.').start.line}`,
      `missing-not-before@${rangeOf(fixed, '.cluster.local').start.line}`,
      `missing-not-before@${rangeOf(fixed, '170.63.128.124').start.line}`,
    ].sort(),
  );
});

test('no quick fix where nothing is wrong', async (t) => {
  const client = await startForTest(t);
  await client.open(DOCUMENTED_URI, DOCUMENTED);
  const apiVersion = rangeOf(DOCUMENTED, 'certificates.microsoft.com/v1');
  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri: DOCUMENTED_URI },
    range: apiVersion,
    context: { diagnostics: [] },
  });
  assert.deepEqual(actions, []);
});
