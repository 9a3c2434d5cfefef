// A List as kubectl prints it (`kubectl get renewrevocations -A -o yaml`, test/fixtures/kubectl)
// opened in the real server over stdio: diagnostics inside each item, hover on an item's serial,
// a quick fix on an item, one outline node per item, and an edit inside an item re-checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type DocumentSymbol,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, rangeOf, readRepoFile, startForTest } from './lspClient';

const LIST_PATH = 'test/fixtures/kubectl/renewrevocations-list.yaml';
const LIST = readRepoFile(LIST_PATH);
const URI = fileUri(LIST_PATH);

/** `system:nodes` and `zz-not-hex` appear in the last-applied annotation first: the item's own values come second. */
const GROUP = rangeOf(LIST, 'group: system:nodes').start.line;
const nodes = { start: { line: GROUP, character: 13 }, end: { line: GROUP, character: 25 } };
const badSerial = rangeOf(LIST, 'zz-not-hex', 1);
const kindCase = rangeOf(LIST, 'serialNumber\n');
kindCase.end = { line: kindCase.start.line, character: kindCase.start.character + 'serialNumber'.length };

test('a v1 List: every item checked, each diagnostic on its value inside the item; the clean item and server metadata silent', async (t) => {
  const client = await startForTest(t);
  await client.open(URI, LIST);
  const published = await client.waitForDiagnostics(URI);
  assert.deepEqual(
    published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range]),
    [
      ['missing-not-before', 2, nodes],
      ['broad-revocation', 2, nodes],
      ['serial-invalid', 1, badSerial],
      ['kind-case', 2, kindCase],
    ],
  );
  assert.equal(LIST.split('\n')[nodes.start.line], '      group: system:nodes');
});

test("hover on an item's serial, a quick fix on an item, and one outline node per item", async (t) => {
  const client = await startForTest(t);
  await client.open(URI, LIST);
  const published = await client.waitForDiagnostics(URI);

  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri: URI },
    position: badSerial.start,
  });
  assert.ok(hover);
  assert.deepEqual(hover.range, badSerial);
  assert.match(
    (hover.contents as { value: string }).value,
    /^\*\*Serial number\*\*\n\nNot a valid serial number: `z` is not a hexadecimal digit\./,
  );

  const diagnostic = published.diagnostics.find((candidate) => candidate.code === 'kind-case');
  assert.ok(diagnostic);
  const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
    textDocument: { uri: URI },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
  const fix = actions.find((action) => action.title === 'Change kind to `serialnumber`');
  assert.ok(fix, JSON.stringify(actions));
  const edits = fix.edit!.changes![URI];
  assert.deepEqual(edits, [{ range: kindCase, newText: 'serialnumber' }]);
  const fixed = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, LIST), edits);
  assert.equal(fixed, LIST.replace('      kind: serialNumber\n', '      kind: serialnumber\n'));

  const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri: URI } });
  assert.deepEqual(
    symbols.map((symbol) => [
      symbol.name,
      symbol.detail,
      symbol.range.start.line,
      symbol.children?.map((child) => [child.name, child.detail]),
    ]),
    [
      [
        'revoke-retired',
        '2 revocations',
        2,
        [
          ['serialnumber 7f0102030405060708090a0b0c0d0e0f10111213', '2025-01-01T00:00:00Z'],
          ['IP 10.0.0.1', '2020-01-01T00:00:00Z'],
        ],
      ],
      [
        'revoke-nodes',
        '2 revocations',
        42,
        [
          ['Group system:nodes', 'no notBefore'],
          ['serialnumber zz-not-hex', 'no notBefore'],
        ],
      ],
      ['revoke-admin', '1 revocation', 80, [['serialnumber 2a', '2026-01-01T00:00:00Z']]],
    ],
  );
});

test('typing inside an item re-checks it: the serial fixed, its error goes, the other items stay as they were', async (t) => {
  const client = await startForTest(t);
  await client.open(URI, LIST);
  await client.waitForDiagnostics(URI);
  await client.change(URI, 2, [{ range: badSerial, text: '0a1b' }]);
  const after = await client.waitForDiagnostics(URI, (params) => params.version === 2);
  assert.deepEqual(
    after.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
    [
      ['missing-not-before', nodes],
      ['broad-revocation', nodes],
      ['kind-case', kindCase],
    ],
  );
});
