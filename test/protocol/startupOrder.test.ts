// The order of work at start-up: the documents the editor opens with the workspace get their
// diagnostics before the certificate scan (settings, walk, reads) takes the CPU; the scan follows
// at once, and begins on its own when no document is opened.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startForTest, type LspTestClient } from './lspClient';
import { MANIFEST, makePreviewWorkspace } from './previewWorkspace';

/** The inventory asks for `files.exclude` when a scan begins; a document's validation never does. */
function scanAskedForSettings(client: LspTestClient): boolean {
  return client.configurationRequests.some((items) => items.some((item) => item.section === 'files.exclude'));
}

test('a manifest opened at start is validated before the certificate scan begins, and the scan follows', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    workspaceFolders: [workspace.folderUri],
    settings: {},
  });
  await client.open(workspace.manifestUri, MANIFEST);
  const first = await client.waitForDiagnostics(workspace.manifestUri);
  assert.ok(
    first.diagnostics.every((diagnostic) => diagnostic.code !== 'matches-ca'),
    'the first diagnostics come without the inventory',
  );
  assert.equal(scanAskedForSettings(client), false, 'no scan had begun when the first diagnostics were sent');
  assert.deepEqual(client.progressTokens, [], 'no scan progress had begun either');

  await client.waitForProgressEnds(1);
  const withInventory = await client.waitForDiagnostics(workspace.manifestUri, (params) =>
    params.diagnostics.some((diagnostic) => diagnostic.code === 'matches-ca'),
  );
  assert.ok(withInventory.diagnostics.length > first.diagnostics.length);
});

test('with no document open, the first scan begins on its own', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    workspaceFolders: [workspace.folderUri],
    settings: {},
  });
  await client.waitForProgressEnds(1);
  assert.ok(scanAskedForSettings(client));
  const changed = await client.waitFor('the inventory notification', () =>
    client.notifications.find((notification) => notification.method === 'renewRevocation/inventoryChanged'),
  );
  assert.ok((changed.params as { certificates: number }).certificates > 0);
});

test('idle after start, the server warms up silently, then validates a manifest as a fresh one', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const options = { configuration: true, workspaceFolders: [workspace.folderUri], settings: {} };
  const reference = await startForTest(t, options);
  const withInventory = (params: { diagnostics: Array<{ code?: unknown }> }) =>
    params.diagnostics.some((diagnostic) => diagnostic.code === 'matches-ca');
  await reference.open(workspace.manifestUri, MANIFEST);
  const expected = await reference.waitForDiagnostics(workspace.manifestUri, withInventory);

  const idle = await startForTest(t, options);
  // Longer than the warm-up's delay and budget: every round has run by now.
  await new Promise((resolve) => setTimeout(resolve, 800));
  assert.deepEqual(idle.published, [], 'the warm-up publishes nothing');
  await idle.open(workspace.manifestUri, MANIFEST);
  const after = await idle.waitForDiagnostics(workspace.manifestUri, withInventory);
  assert.deepEqual(after.diagnostics, expected.diagnostics);
  assert.ok(after.diagnostics.length > 0);
});
