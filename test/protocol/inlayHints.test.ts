// Inlay hints over the protocol, against the built server and a workspace of fixture certificates:
// the exact label and position after each entry's value, only the entries of the requested range,
// the setting that turns them off, and the refresh the server asks for when the inventory changes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InlayHintRequest,
  type InlayHint,
} from 'vscode-languageserver-protocol/node';
import { rangeOf, type LspTestClient } from './lspClient';
import { MATCHING_MANIFEST, startInFixtureWorkspace } from './matchingManifest';
import { makePreviewWorkspace, type PreviewWorkspace } from './previewWorkspace';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };

function startInWorkspace(
  t: { after(fn: () => void): void },
  workspace: PreviewWorkspace,
  settings: unknown = {},
): Promise<LspTestClient> {
  return startInFixtureWorkspace(t, workspace, { inlayHintRefresh: true, settings });
}

function hints(client: LspTestClient, uri: string, range = WHOLE): Promise<InlayHint[]> {
  return client.request<InlayHint[]>(InlayHintRequest.method, { textDocument: { uri }, range });
}

/** Each hint as [label, line, character]. */
const shown = (list: readonly InlayHint[]) =>
  list.map((hint) => [hint.label, hint.position.line, hint.position.character]);

/** Where a hint after `value` (its `occurrence`-th appearance) sits: the end of the value. */
const after = (value: string, occurrence = 0) => {
  const { end } = rangeOf(MATCHING_MANIFEST, value, occurrence);
  return [end.line, end.character];
};

test('inlay hints give each entry what it matches: a serial its certificate, other kinds their count', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  const uri = workspace.uri('manifests/hints.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  const list = await hints(client, uri);
  assert.deepEqual(shown(list), [
    ['kube-apiserver, expires 2035-01-01', ...after('"7f0102030405060708090a0b0c0d0e0f10111213"')],
    ['not in the inventory', ...after('"0e"')],
    ['revokes 1 certificate (1 not revocable)', ...after('system:nodes')],
    ['Fixture Root CA, expires 2049-12-31 (CA)', ...after('"01"', 0)],
    ['revokes 1 certificate', ...after('.cluster.local')],
    ['matches no certificate of the inventory', ...after('10.9.9.9')],
    ['revokes nothing: notBefore keeps 1 matching certificate', ...after('"01"', 1)],
  ]);
  assert.ok(list.every((hint) => hint.paddingLeft === true));
  assert.deepEqual(list[1].tooltip, {
    kind: 'markdown',
    value: 'No certificate of the inventory (6 certificates) has this serial number.',
  });
});

test('only the entries whose value ends in the requested range get a hint', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  const uri = workspace.uri('manifests/hints.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  // Lines 10 to 13: the second serial's value and the group's, not the first serial above nor the root CA below.
  const range = { start: { line: 10, character: 0 }, end: { line: 13, character: 0 } };
  assert.deepEqual(shown(await hints(client, uri, range)), [
    ['not in the inventory', ...after('"0e"')],
    ['revokes 1 certificate (1 not revocable)', ...after('system:nodes')],
  ]);
  // A range that ends inside a value leaves that value's hint out.
  const partial = { start: { line: 8, character: 0 }, end: { line: 8, character: 20 } };
  assert.deepEqual(await hints(client, uri, partial), []);
});

test('renewRevocation.inlayHints.enabled false turns the hints off, and true back on', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace, { inlayHints: { enabled: false } });
  const uri = workspace.uri('manifests/hints.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  assert.deepEqual(await hints(client, uri), []);
  const refreshes = client.inlayHintRefreshRequests;
  client.settings = { inlayHints: { enabled: true } };
  await client.changeConfiguration(null);
  await client.waitFor('an inlay hint refresh', () => client.inlayHintRefreshRequests > refreshes);
  assert.equal((await hints(client, uri)).length, 7);
});

test('a certificate added to the workspace refreshes the hints, and the serial now names it', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  const uri = workspace.uri('manifests/hints.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  const range = { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } };
  assert.deepEqual(shown(await hints(client, uri, range)), [['not in the inventory', ...after('"0e"')]]);
  const refreshes = client.inlayHintRefreshRequests;
  workspace.addFixture('expired.crt', 'pki/new/expired.crt');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: workspace.uri('pki/new/expired.crt'), type: FileChangeType.Created }],
  });
  await client.waitFor('an inlay hint refresh', () => client.inlayHintRefreshRequests > refreshes);
  assert.deepEqual(shown(await hints(client, uri, range)), [
    ['expired.example.com, expired 2020-01-01', ...after('"0e"')],
  ]);
});
