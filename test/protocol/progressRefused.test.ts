// A client may answer `window/workDoneProgress/create` with an error. The server then reads the
// workspace's certificates without a progress report, says once that it could not report it,
// and keeps running: a rejected progress must not leave an unhandled rejection behind (which
// ends a Node 20 process).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes, ResponseError, WorkDoneProgressCreateRequest } from 'vscode-languageserver-protocol/node';
import type { InventoryChangedParams, PreviewResult } from '../../server/src/protocol';
import { MANIFEST, makePreviewWorkspace, startInPreviewWorkspace } from './previewWorkspace';

test('a refused work-done progress: the scan completes, the output says so once, the server answers and exits cleanly', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInPreviewWorkspace(t, workspace);
  // Before the first scan begins (it waits for a validation, or half a second).
  client.connection.onRequest(
    WorkDoneProgressCreateRequest.type,
    () => new ResponseError(ErrorCodes.InternalError, 'no progress in this client'),
  );
  const scanned = await client.waitFor('the scanned inventory', () =>
    client.notifications.find(
      (received) =>
        received.method === 'renewRevocation/inventoryChanged' && !(received.params as InventoryChangedParams).scanning,
    ),
  );
  assert.equal((scanned.params as InventoryChangedParams).certificates, 6);
  // The progress would end right after the publication: give a crash the time to happen.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(client.alive, true, `the server is running; stderr: ${client.stderr}`);
  const refusals = client.logs.filter((log) =>
    log.message.startsWith('Could not report the certificate scan progress'),
  );
  assert.equal(refusals.length, 1);
  assert.match(refusals[0].message, /no progress in this client/);
  await client.open(workspace.manifestUri, MANIFEST);
  const preview = await client.request<PreviewResult | null>('renewRevocation/preview', {
    textDocument: { uri: workspace.manifestUri },
  });
  assert.equal(preview?.certificatesScanned, 6);
  assert.equal(await client.shutdown(), 0);
});
