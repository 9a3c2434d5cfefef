// One YAML mistake, one diagnostic where it is, over the protocol: a tab used as indentation and
// a bad dedent each publish exactly one yaml-syntax diagnostic at the mistake, and its quick fix
// carries the exact edit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { fileUri, startForTest } from './lspClient';

const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: indentation
spec:
  revocations:
`;

test('a tab as indentation: one diagnostic on the tab, and "Convert tabs to spaces"', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('tab.yaml');
  const text = `${HEAD}  - kind: IP\n\tip: 10.0.0.1\n    notBefore: "2024-05-01T00:00:00Z"\n  - kind: IP\n    ip: 10.0.0.2\n    notBefore: "2024-05-01T00:00:00Z"\n`;
  await client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri);
  const tab = { start: { line: 7, character: 0 }, end: { line: 7, character: 1 } };
  assert.deepEqual(
    diagnostics.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range, message: diagnostic.message })),
    [
      {
        code: 'yaml-syntax',
        range: tab,
        message:
          'YAML syntax: Tabs are not allowed as indentation: indent this line with spaces (4 to line up with the line above)',
      },
    ],
  );
  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri },
    range: tab,
    context: { diagnostics, only: ['quickfix'] },
  });
  assert.deepEqual(
    actions.map((action) => ({ title: action.title, isPreferred: action.isPreferred, edit: action.edit })),
    [
      {
        title: 'Convert tabs to spaces',
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: tab, newText: '    ' }] } },
      },
    ],
  );
});

test('a bad dedent: one diagnostic at the dedented line, and a fix that indents it like the line above', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('dedent.yaml');
  const text = `${HEAD}  - kind: IP\n    ip: 10.0.0.1\n    notBefore: "2024-05-01T00:00:00Z"\n  - kind: DNS\n   dns: a.example.com\n    notBefore: "2024-05-01T00:00:00Z"\n`;
  await client.open(uri, text);
  const { diagnostics } = await client.waitForDiagnostics(uri);
  const line = { start: { line: 10, character: 0 }, end: { line: 10, character: 6 } };
  assert.deepEqual(
    diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
    [['yaml-syntax', line]],
  );
  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri },
    range: line,
    context: { diagnostics, only: ['quickfix'] },
  });
  assert.deepEqual(
    actions.map((action) => [action.title, action.edit?.changes?.[uri]]),
    [
      [
        'Indent by 4 spaces, like the line above',
        [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 3 } }, newText: '    ' }],
      ],
    ],
  );
});
