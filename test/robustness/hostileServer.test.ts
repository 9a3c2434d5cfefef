// The built language server (`node dist/server.js --stdio`) over every hostile input: each is
// opened, answered with the diagnostics the service gives for the same text, asked for hover,
// completion, outline, folding and quick fixes, and closed; one server takes the whole corpus and
// is still sound at the end. Generous timeouts catch a hang; the times are reported.
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  MessageType,
  type Diagnostic,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { createLanguageService } from '../../server/src/service/languageService';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import { LspTestClient } from '../protocol/lspClient';
import { assertDiagnosticsAnswer } from './answers';
import { HANG_LIMIT_MS } from './hangGuard';
import { CORPUS_NOW, DOCUMENTED, DOCUMENTED_CODES, fiftyMibManifest, hostileInputs } from './hostileCorpus';
import { Timings } from './timings';

const timings = new Timings();

/** LSP 3.18 types allow markup in a message; ours are strings (a protocol test holds that). */
function plain(
  diagnostics: readonly Diagnostic[],
): Array<{ code?: string | number; range: Diagnostic['range']; message: string }> {
  return diagnostics.map(({ code, range, message }) => ({
    code,
    range,
    message: typeof message === 'string' ? message : message.value,
  }));
}
const service = createLanguageService({ now: () => CORPUS_NOW });
let client: LspTestClient | undefined;
after(() => client?.dispose());

/** What must be the same in the server and the service: everything but the clock (the server's is the real one; the corpus's certificates are valid now as in 2030). */
function comparable(diagnostics: readonly { code?: unknown; range: unknown; message: string }[]): string[] {
  return diagnostics
    .map((diagnostic) =>
      JSON.stringify([
        diagnostic.code,
        diagnostic.range,
        diagnostic.message.replace(/\d+ (days|years|months)/g, 'N $1'),
      ]),
    )
    .sort();
}

/**
 * The parser gives up on collections nested hundreds deep where the stack runs out, and that
 * depends on the stack left where it runs (the server's differs from a test's): for those, the
 * places and the follow-on errors differ, and only the corpus's expectations hold.
 */
const outOfStack = (diagnostics: readonly { message: string }[]) =>
  diagnostics.some((diagnostic) => /nested too deeply/.test(diagnostic.message));

async function serverOf(): Promise<LspTestClient> {
  client ??= await LspTestClient.start();
  return client;
}

const folder = join(tmpdir(), 'renew-revocation-hostile');

for (const input of hostileInputs()) {
  test(`server: ${input.file} (${input.name})`, { timeout: HANG_LIMIT_MS }, async () => {
    const server = await serverOf();
    const uri = pathToFileURL(join(folder, input.file)).toString();
    const from = server.published.length;
    const started = performance.now();
    await server.open(uri, input.text, input.languageId);
    const published = await server.waitFor(
      `diagnostics of ${input.file}`,
      () => server.published.slice(from).find((params) => params.uri === uri),
      HANG_LIMIT_MS,
    );
    const lines = new LineIndex(input.text);
    const end = lines.positionAt(input.text.length);
    const positions: Position[] = [
      { line: 0, character: 0 },
      lines.positionAt(Math.floor(input.text.length / 2)),
      end,
      ...published.diagnostics.slice(0, 5).map((diagnostic) => diagnostic.range.start),
    ];
    const textDocument = { uri };
    for (const position of positions) {
      await server.request(HoverRequest.method, { textDocument, position });
      await server.request(CompletionRequest.method, { textDocument, position });
    }
    await server.request(DocumentSymbolRequest.method, { textDocument });
    await server.request(FoldingRangeRequest.method, { textDocument });
    await server.request(CodeActionRequest.method, {
      textDocument,
      range: { start: { line: 0, character: 0 }, end },
      context: { diagnostics: published.diagnostics.slice(0, 20) as Diagnostic[] },
    });
    timings.record(input.file, performance.now() - started);
    await server.close(uri);

    const received = plain(published.diagnostics);
    assertDiagnosticsAnswer(input, received, 'server');
    const fresh = service.doValidation(service.parse(input.text, input.languageId));
    if (!outOfStack(fresh) && !outOfStack(received)) {
      assert.deepEqual(
        comparable(received),
        comparable(fresh),
        `${input.file}: the server answers as the service does`,
      );
    }
    assert.ok(server.alive, `${input.file}: the server is still running`);
    const errors = server.logs.filter((log) => log.type === MessageType.Error);
    assert.deepEqual(errors, [], `${input.file}: a handler failed`);
  });
}

test(
  'server: a 50 MiB manifest opened over the protocol (VS Code never sends one; other clients may) gets file-too-large and nothing else',
  { timeout: HANG_LIMIT_MS },
  async () => {
    const server = await serverOf();
    const uri = pathToFileURL(join(folder, 'huge.yaml')).toString();
    const text = fiftyMibManifest().toString('utf8');
    const from = server.published.length;
    const started = performance.now();
    await server.open(uri, text);
    const published = await server.waitFor(
      'diagnostics of huge.yaml',
      () => server.published.slice(from).find((params) => params.uri === uri),
      HANG_LIMIT_MS,
    );
    const hover = await server.request(HoverRequest.method, {
      textDocument: { uri },
      position: { line: 7, character: 10 },
    });
    timings.record('huge.yaml (50 MiB, opened)', performance.now() - started);
    await server.close(uri);
    assert.deepEqual(
      published.diagnostics.map(({ code, range }) => ({ code, range })),
      [{ code: 'file-too-large', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
    );
    assert.match(
      plain(published.diagnostics)[0].message,
      /larger than the limit of 5 MiB \(renewRevocation\.maxFileSize\), so it was not analysed/,
    );
    assert.equal(hover, null);
  },
);

test(
  'server: after the whole corpus it still answers a manifest correctly, and exits cleanly',
  { timeout: HANG_LIMIT_MS },
  async () => {
    const server = await serverOf();
    const uri = pathToFileURL(join(folder, 'documented.yaml')).toString();
    await server.open(uri, DOCUMENTED);
    const published = await server.waitForDiagnostics(uri);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => diagnostic.code),
      DOCUMENTED_CODES,
    );
    assert.equal(await server.shutdown(), 0);
    assert.equal(server.stderr, '', 'nothing on stderr');
  },
);

test('server: the longest single input (reported, not asserted)', (t) => {
  t.diagnostic(`server: ${timings.summary()}`);
});
