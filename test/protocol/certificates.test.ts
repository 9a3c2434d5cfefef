// Certificates over the protocol, against the built server: hover on each kind of location (a
// PEM file, a bundle's second block, kubeconfig data, Secret data, a key block, PEM in Markdown),
// diagnostics of a certificate file, outline and folding of a `pem` document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
} from 'vscode-languageserver-protocol/node';
import { assertNoKeyMaterial, fixtureKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { fileUri, readRepoFile, startForTest, type LspTestClient } from './lspClient';

const PKI = 'test/fixtures/pki';

async function hover(
  client: LspTestClient,
  name: string,
  languageId: string,
  line: number,
  character: number,
): Promise<string> {
  const uri = fileUri(`${PKI}/${name}`);
  await client.open(uri, readRepoFile(`${PKI}/${name}`), languageId);
  const result = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri },
    position: { line, character },
  });
  assert.ok(result, `a hover on ${name}:${line + 1}`);
  assert.ok(typeof result.contents === 'object' && 'kind' in result.contents && result.contents.kind === 'markdown');
  return result.contents.value;
}

test('hover on each kind of certificate location shows its card', async (t) => {
  const client = await startForTest(t);
  assert.match(
    await hover(client, 'leaf-server.crt', 'pem', 4, 3),
    /^\*\*Certificate\*\* `kube-apiserver` — valid, expires in \d+ years\n\n\*PEM CERTIFICATE, lines 1–18\*/,
  );
  const second = await hover(client, 'bundle.pem', 'pem', 25, 3);
  assert.match(second, /^\*\*Certificate\*\* `Fixture Intermediate CA`/);
  assert.ok(second.includes('- **CA** yes, path length 0'));
  const kubeconfig = await hover(client, 'admin.kubeconfig', 'yaml', 6, 40);
  assert.equal(kubeconfig.split('\n\n---\n\n').length, 2);
  assert.ok(kubeconfig.includes('*`certificate-authority-data` (base64 PEM CERTIFICATE), line 7, certificate 2 of 2*'));
  assert.match(await hover(client, 'secret.yaml', 'yaml', 7, 20), /^\*\*Certificate\*\* `kube-apiserver`/);
  assert.match(await hover(client, 'notes.md', 'markdown', 8, 3), /^\*\*Certificate\*\* `Fixture Root CA`/);
  const audit = await hover(client, 'kubelet-client.crt', 'pem', 3, 3);
  assert.match(audit, /- \*\*Audit identity\*\* `X509SHA256=[0-9a-f]{64}`/);
});

test('hover on key blocks: the type only, never the material', async (t) => {
  const client = await startForTest(t);
  const material = fixtureKeyMaterial();
  const cases: Array<[string, string, number, number, string]> = [
    ['keys/rsa-pkcs1.key', 'pem', 3, 3, '**Private key RSA 2048 bits** — PKCS#1'],
    ['keys/encrypted-pkcs8.key', 'pem', 3, 3, '**Private key (encrypted)** — PKCS#8, encrypted'],
    ['key-and-cert.pem', 'pem', 2, 3, '**Private key EC P-256** — PKCS#8'],
    ['admin.kubeconfig', 'yaml', 11, 30, '**Private key RSA 2048 bits** — PKCS#8'],
    ['secret.yaml', 'yaml', 8, 20, '**Private key EC P-256** — PKCS#8'],
  ];
  for (const [name, languageId, line, character, heading] of cases) {
    const text = await hover(client, name, languageId, line, character);
    assert.equal(text.split('\n')[0], heading, name);
    assert.ok(text.endsWith('The key material is never shown.'));
    assertNoKeyMaterial(text, material, `hover on ${name}`);
  }
});

test('an expired certificate file gets certificate-expired on its BEGIN line', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri(`${PKI}/expired.crt`);
  await client.open(uri, readRepoFile(`${PKI}/expired.crt`), 'pem');
  const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
  assert.deepEqual(
    published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range]),
    [['certificate-expired', 2, { start: { line: 0, character: 0 }, end: { line: 0, character: 27 } }]],
  );
  assert.match(
    String(published.diagnostics[0].message),
    /^Certificate `expired\.example\.com` expired \d+ years ago \(notAfter 2020-01-01T00:00:00Z\): renew or replace it\.$/,
  );
});

test('outline and folding of a pem document: one per block', async (t) => {
  const client = await startForTest(t);
  const uri = fileUri(`${PKI}/bundle.pem`);
  await client.open(uri, readRepoFile(`${PKI}/bundle.pem`), 'pem');
  const symbols = await client.request<DocumentSymbol[]>(DocumentSymbolRequest.method, { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((symbol) => symbol.name),
    ['kube-apiserver', 'Fixture Intermediate CA', 'Fixture Root CA'],
  );
  const folding = await client.request<FoldingRange[] | null>(FoldingRangeRequest.method, { textDocument: { uri } });
  assert.deepEqual(
    folding?.map((range) => [range.startLine, range.endLine]),
    [
      [0, 17],
      [18, 41],
      [42, 72],
    ],
  );
});
