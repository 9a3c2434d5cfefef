// No key material in anything the language server sends (docs/ARCHITECTURE.md, "Invariants"), with the secrets corpus as
// its workspace: the inventory scan reads every key file, then each file is opened and every
// answer (diagnostics, hovers everywhere, outline, folding, code lenses, the decoded view of its
// bytes, the preview, the server's log messages) is scanned.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  CodeLensRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { startForTest } from '../protocol/lspClient';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { makeSecretsCorpus, probePositions } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());

test('server: nothing it sends about the secrets corpus holds key material', { timeout: 180_000 }, async (t) => {
  const client = await startForTest(t, {
    workspaceFolders: [pathToFileURL(corpus.folder).toString()],
    workDoneProgress: true,
    configuration: true,
    settings: {},
  });
  await client.waitForProgressEnds(1, 60_000);
  const answers: unknown[] = [];
  for (const file of corpus.files) {
    const uri = pathToFileURL(join(corpus.folder, file.name)).toString();
    answers.push(await client.request('renewRevocation/decode', { uri, base64: file.bytes.toString('base64') }));
    if (!file.languageId) continue;
    const text = file.bytes.toString('utf8');
    await client.open(uri, text, file.languageId);
    answers.push(await client.waitForDiagnostics(uri));
    const textDocument = { uri };
    for (const position of probePositions(text))
      answers.push(await client.request(HoverRequest.method, { textDocument, position }));
    answers.push(await client.request(DocumentSymbolRequest.method, { textDocument }));
    answers.push(await client.request(FoldingRangeRequest.method, { textDocument }));
    answers.push(await client.request(CodeLensRequest.method, { textDocument }));
    if (file.name === corpus.manifest) answers.push(await client.request('renewRevocation/preview', { textDocument }));
    await client.close(uri);
  }
  answers.push(client.published, client.logs, client.notifications, client.stderr);
  const output = JSON.stringify(answers);
  if (!/private key/i.test(output)) throw new Error('no answer spoke of a key: the corpus was not read');
  assertNoKeyMaterial(output, corpus.material, 'the server');
});
