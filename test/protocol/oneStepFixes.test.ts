// The one-step quick fixes over the protocol, each with its exact edit, applied and re-checked:
// broad-revocation suppressed for its entry, a date alone made a full instant, openssl's
// `serial=` output and an unquoted `0x1F` made the canonical serial; and the serial hover's
// openssl form.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, rangeOf, startForTest, type LspTestClient } from './lspClient';

const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: fixes
spec:
  revocations:
`;

interface Fixed {
  diagnostic: Diagnostic;
  action: CodeAction;
  edits: TextEdit[];
  /** The diagnostics of the fixed text, `code@line`. */
  after: string[];
}

let documents = 0;

/** Opens `text`, takes the one `code` diagnostic, asks for its fixes, applies the one titled `title`. */
async function fix(client: LspTestClient, text: string, code: string, title: string): Promise<Fixed> {
  const uri = fileUri(`fixes-${++documents}.yaml`);
  await client.open(uri, text);
  const published = await client.waitForDiagnostics(uri);
  const found = published.diagnostics.filter((diagnostic) => diagnostic.code === code);
  assert.equal(found.length, 1, JSON.stringify(published.diagnostics));
  const [diagnostic] = found;
  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, JSON.stringify(actions.map((candidate) => candidate.title)));
  const edits = action.edit!.changes![uri];
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
  await client.change(uri, 2, [{ text: fixed }]);
  const again = await client.waitForDiagnostics(uri, (params) => params.version === 2);
  return {
    diagnostic,
    action,
    edits,
    after: again.diagnostics.map((found) => `${String(found.code)}@${found.range.start.line}`),
  };
}

test('broad-revocation: "Suppress broad-revocation for this entry" writes the comment above it', async (t) => {
  const client = await startForTest(t);
  const text = `${HEAD}  - description: every node, on purpose
    kind: Group
    group: system:nodes
    notBefore: "2024-05-01T00:00:00Z"
`;
  const result = await fix(client, text, 'broad-revocation', 'Suppress broad-revocation for this entry');
  assert.deepEqual(result.diagnostic.range, rangeOf(text, 'system:nodes'));
  assert.equal(result.action.isPreferred, undefined);
  assert.deepEqual(result.edits, [
    {
      range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } },
      newText: '    # renew-revocation-disable-next-line broad-revocation\n',
    },
  ]);
  assert.deepEqual(result.after, []);
});

test('not-before-invalid on a date alone: the fix writes that day at midnight UTC, quoted', async (t) => {
  const client = await startForTest(t);
  const text = `${HEAD}  - kind: IP
    ip: 10.0.0.7
    notBefore: 2026-12-05
`;
  const result = await fix(
    client,
    text,
    'not-before-invalid',
    'Write notBefore as "2026-12-05T00:00:00Z" (midnight UTC)',
  );
  assert.deepEqual(result.edits, [{ range: rangeOf(text, '2026-12-05'), newText: '"2026-12-05T00:00:00Z"' }]);
  // The fixed instant is still ahead of the clock only if the test runs before that day.
  assert.deepEqual(
    result.after.filter((found) => found !== 'not-before-future@8'),
    [],
  );
});

test("serial-invalid on openssl's `serial=` output: the fix writes the serial alone", async (t) => {
  const client = await startForTest(t);
  const text = `${HEAD}  - kind: serialnumber
    serialNumber: serial=0E7B2A09C4F1
`;
  const result = await fix(client, text, 'serial-invalid', 'Write the serial number as `e7b2a09c4f1`');
  assert.equal(result.action.isPreferred, true);
  assert.deepEqual(result.edits, [{ range: rangeOf(text, 'serial=0E7B2A09C4F1'), newText: 'e7b2a09c4f1' }]);
  assert.deepEqual(result.after, []);
});

test('serial-number-type on an unquoted 0x1F: one fix writes the canonical serial in quotes', async (t) => {
  const client = await startForTest(t);
  const text = `${HEAD}  - kind: serialnumber
    serialNumber: 0x1F
`;
  const result = await fix(client, text, 'serial-number-type', 'Write the serial number as `"1f"`');
  assert.deepEqual(result.edits, [{ range: rangeOf(text, '0x1F'), newText: '"1f"' }]);
  // Nothing left to fix: no serial-not-canonical as a second step.
  assert.deepEqual(result.after, []);
});

test("a serial's hover shows openssl's form: upper case, whole octets", async (t) => {
  const client = await startForTest(t);
  const uri = fileUri('hover-openssl.yaml');
  const text = `${HEAD}  - kind: serialnumber\n    serialNumber: e7b2a09c4f1\n`;
  await client.open(uri, text);
  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri },
    position: rangeOf(text, 'e7b2a09c4f1').start,
  });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  assert.match(hover.contents.value, /^- openssl: `0E7B2A09C4F1`$/m);
});
