// `renewRevocation/inventoryStatus`: the inventory as last published, asked for at any time (the
// VS Code status bar asks when the server starts, then follows `renewRevocation/inventoryChanged`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InventoryChangedParams, InventoryStatus } from '../../server/src/protocol';
import { makePreviewWorkspace, startInPreviewWorkspace } from './previewWorkspace';

test('inventoryStatus answers 0 certificates before the first scan, and what inventoryChanged said after it', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInPreviewWorkspace(t, workspace);
  const before = await client.request<InventoryStatus>('renewRevocation/inventoryStatus', null);
  assert.deepEqual(before, { version: 0, certificates: 0, scanning: false });

  const scanned = await client.waitFor('the scanned inventory', () =>
    client.notifications.find(
      (received) =>
        received.method === 'renewRevocation/inventoryChanged' && !(received.params as InventoryChangedParams).scanning,
    ),
  );
  const after = await client.request<InventoryStatus>('renewRevocation/inventoryStatus', null);
  assert.deepEqual(after, scanned.params);
  // The workspace's six distinct certificates (previewWorkspace.ts).
  assert.equal(after.certificates, 6);
  assert.equal(await client.shutdown(), 0);
});
