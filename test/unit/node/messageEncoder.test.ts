// The stdio encoder writes exactly JSON.stringify's bytes, while keeping each diagnostic's JSON
// for the next version (a keystroke re-sends mostly the same diagnostic objects).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Message } from 'vscode-languageserver/node';
import { encodeMessage as encodeBytes, messageEncoder } from '../../../server/src/node/messageEncoder';
import { keptLspDiagnostics } from '../../../server/src/lsp/keptDiagnostics';
import type { Diagnostic } from '../../../server/src/service/index';

const encodeMessage = (message: Message) => encodeBytes(message).toString('utf8');

const range = (line: number, from: number, to: number) => ({
  start: { line, character: from },
  end: { line, character: to },
});

function diagnostics() {
  return [
    {
      range: range(3, 18, 20),
      severity: 2,
      code: 'duplicate-entry',
      source: 'renew-revocation',
      message: 'Duplicate entry: serial `2e` is already listed at line 1 — "quoted", tab\t, émoji 🔒',
      relatedInformation: [
        { location: { uri: 'file:///w/a.yaml', range: range(0, 18, 20) }, message: 'The first entry for `2e`' },
      ],
    },
    { range: range(5, 4, 9), severity: 1, code: 'schema', source: 'renew-revocation', message: 'a \\ b \u0000 c' },
  ];
}

const publish = (list: object[], uri = 'file:///w/a.yaml'): Message =>
  ({
    jsonrpc: '2.0',
    method: 'textDocument/publishDiagnostics',
    params: { uri, version: 7, diagnostics: list },
  }) as Message;

test('a publishDiagnostics message is written exactly as JSON.stringify writes it', () => {
  const message = publish(diagnostics());
  assert.equal(encodeMessage(message), JSON.stringify(message));
  const empty = publish([]);
  assert.equal(encodeMessage(empty), JSON.stringify(empty));
});

test('a pulled diagnostic report is written exactly as JSON.stringify writes it', () => {
  const message = {
    jsonrpc: '2.0',
    id: 12,
    result: { kind: 'full', resultId: '0.3.0', items: diagnostics() },
  } as Message;
  assert.equal(encodeMessage(message), JSON.stringify(message));
});

test('other messages, and a URI that holds the placeholder text, are stringified whole', () => {
  const request = {
    jsonrpc: '2.0',
    id: 3,
    method: 'textDocument/codeAction',
    params: { context: { diagnostics: diagnostics() } },
  } as Message;
  assert.equal(encodeMessage(request), JSON.stringify(request));
  const odd = publish(diagnostics(), 'file:///w/\u0000renew-revocation:diagnostics\u0000.yaml');
  assert.equal(encodeMessage(odd), JSON.stringify(odd));
  assert.deepEqual(JSON.parse(encodeMessage(odd)), JSON.parse(JSON.stringify(odd)));
});

test('a diagnostic object written once is not stringified again', () => {
  const list = diagnostics();
  const first = encodeMessage(publish(list));
  // Kept diagnostics are never changed in place (a changed finding makes a new object), so the
  // JSON kept from the first write is what the second write uses.
  list[1].message = 'changed in place';
  const second = encodeMessage(publish(list));
  assert.equal(second, first);
  assert.equal(encodeMessage(publish([{ ...list[1] }])).includes('changed in place'), true);
});

test('the encoder hands vscode-jsonrpc the UTF-8 bytes', async () => {
  const message = publish(diagnostics());
  const bytes = await messageEncoder.encode(message, { charset: 'utf-8' });
  assert.ok(bytes instanceof Uint8Array);
  assert.equal(Buffer.from(bytes).toString('utf8'), JSON.stringify(message));
});

test('the LSP diagnostic of a kept service diagnostic is the same object, per URI', () => {
  const lspOf = keptLspDiagnostics();
  const found: Diagnostic[] = [
    {
      range: range(3, 18, 20),
      severity: 'warning',
      code: 'duplicate-entry',
      source: 'renew-revocation',
      message: 'Duplicate entry',
      relatedInformation: [{ range: range(0, 18, 20), message: 'The first entry' }],
    },
  ];
  const [first] = lspOf(found, 'file:///w/a.yaml');
  const [again] = lspOf(found, 'file:///w/a.yaml');
  assert.equal(again, first);
  assert.equal(first.severity, 2);
  const [elsewhere] = lspOf(found, 'file:///w/b.yaml');
  assert.notEqual(elsewhere, first);
  assert.equal(elsewhere.relatedInformation?.[0].location.uri, 'file:///w/b.yaml');
  const [fresh] = lspOf([{ ...found[0] }], 'file:///w/a.yaml');
  assert.notEqual(fresh, first);
  assert.deepEqual(fresh, first);
});
