// Navigation over the protocol, against the built server and a workspace of fixture certificates:
// go to definition on an entry's value (every place of every certificate it matches), find
// references on a certificate in a PEM file, a Secret and a kubeconfig (the matching entries of
// open manifests and of workspace manifests not open), and workspace symbols by name and serial.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  DefinitionRequest,
  ReferencesRequest,
  SymbolKind,
  WorkspaceSymbolRequest,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import { rangeOf, repoRoot } from './lspClient';
import { MATCHING_MANIFEST, startInFixtureWorkspace } from './matchingManifest';
import { MANIFEST, makePreviewWorkspace } from './previewWorkspace';

const PKI = join(repoRoot(), 'test', 'fixtures', 'pki');

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

/** The position just inside the `occurrence`-th appearance of `needle`. */
function inside(text: string, needle: string, occurrence = 0) {
  const { start } = rangeOf(text, needle, occurrence);
  return { line: start.line, character: start.character + 1 };
}

test('go to definition on an entry value lists every place of every certificate it matches', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInFixtureWorkspace(t, workspace);
  const uri = workspace.uri('manifests/open.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  const definition = (position: { line: number; character: number }) =>
    client.request<Location[] | null>(DefinitionRequest.method, { textDocument: { uri }, position });

  assert.deepEqual(await definition(inside(MATCHING_MANIFEST, 'system:nodes')), [
    { uri: workspace.uri('pki/kubelet-client.crt'), range: at(0) },
    { uri: workspace.uri('pki/kubelet-serving.crt'), range: at(0) },
  ]);
  // The root CA is in its own file and in the kubeconfig's certificate-authority-data (line 7).
  assert.deepEqual(await definition(inside(MATCHING_MANIFEST, '"01"', 0)), [
    { uri: workspace.uri('admin.kubeconfig'), range: at(6) },
    { uri: workspace.uri('pki/root-ca.crt'), range: at(0) },
  ]);
  assert.deepEqual(await definition(inside(MATCHING_MANIFEST, '"7f01')), [
    { uri: workspace.uri('pki/leaf-server.crt'), range: at(0) },
  ]);
  // notBefore keeps the root CA from this entry: nothing to go to; nor from a key or the kind.
  assert.equal(await definition(inside(MATCHING_MANIFEST, '"01"', 1)), null);
  assert.equal(await definition(inside(MATCHING_MANIFEST, 'group:')), null);
  assert.equal(await definition(inside(MATCHING_MANIFEST, 'Group')), null);
});

test('find references on a certificate lists the matching entries of open and workspace manifests', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInFixtureWorkspace(t, workspace);
  const manifestUri = workspace.uri('manifests/open.yaml');
  await client.open(manifestUri, MATCHING_MANIFEST);
  const references = (uri: string, position: { line: number; character: number }) =>
    client.request<Location[] | null>(ReferencesRequest.method, {
      textDocument: { uri },
      position,
      context: { includeDeclaration: true },
    });

  // A PEM file: the apiserver's certificate, by serial and by DNS suffix; the workspace manifest
  // (manifests/revoke.yaml, not open) by DNS suffix too.
  const pemUri = workspace.uri('pki/leaf-server.crt');
  await client.open(pemUri, readFileSync(join(PKI, 'leaf-server.crt'), 'utf8'), 'pem');
  const apiserver = [
    { uri: manifestUri, range: rangeOf(MATCHING_MANIFEST, '"7f0102030405060708090a0b0c0d0e0f10111213"') },
    { uri: manifestUri, range: rangeOf(MATCHING_MANIFEST, '.cluster.local') },
    { uri: workspace.manifestUri, range: rangeOf(MANIFEST, '.cluster.local') },
  ];
  assert.deepEqual(await references(pemUri, { line: 3, character: 4 }), apiserver);

  // The same certificate as a Secret's tls.crt.
  const secretText = readFileSync(join(PKI, 'secret.yaml'), 'utf8');
  const secretUri = workspace.uri('secret.yaml');
  await client.open(secretUri, secretText);
  assert.deepEqual(await references(secretUri, inside(secretText, 'LS0t', 0)), apiserver);

  // The root CA as a kubeconfig's certificate-authority-data: the first "01" entry (its notBefore
  // is after the CA's), not the second, and the workspace manifest's.
  const kubeconfigText = readFileSync(join(PKI, 'admin.kubeconfig'), 'utf8');
  await client.open(workspace.uri('admin.kubeconfig'), kubeconfigText);
  assert.deepEqual(await references(workspace.uri('admin.kubeconfig'), { line: 6, character: 40 }), [
    { uri: manifestUri, range: rangeOf(MATCHING_MANIFEST, '"01"', 0) },
    { uri: workspace.manifestUri, range: rangeOf(MANIFEST, '"01"') },
  ]);
  // Off a certificate (the kubeconfig's server line): none.
  assert.deepEqual(await references(workspace.uri('admin.kubeconfig'), { line: 5, character: 10 }), []);
});

test('workspace symbols find the inventory certificates by common name and by serial number', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInFixtureWorkspace(t, workspace);
  const symbols = (query: string) => client.request<SymbolInformation[]>(WorkspaceSymbolRequest.method, { query });

  const apiserver = {
    name: 'kube-apiserver (serial 7f0102030405060708090a0b0c0d0e0f10111213)',
    kind: SymbolKind.Key,
    containerName: 'pki/leaf-server.crt',
    location: { uri: workspace.uri('pki/leaf-server.crt'), range: at(0) },
  };
  assert.deepEqual(await symbols('kube-api'), [apiserver]);
  assert.deepEqual(await symbols('7F:01:02'), [apiserver]);
  assert.deepEqual(
    (await symbols('root')).map((symbol) => [symbol.name, symbol.kind, symbol.containerName]),
    [['Fixture Root CA (serial 1)', SymbolKind.Class, 'admin.kubeconfig']],
  );
  assert.deepEqual(
    (await symbols('5e')).map((symbol) => symbol.name),
    ['system:node:node-1 (serial 5e)'],
  );
  assert.equal((await symbols('')).length, 6);
  assert.deepEqual(await symbols('no such certificate'), []);
});
