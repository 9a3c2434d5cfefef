// The "inventory status" request (protocol/requests.ts): what the inventory last published, for a
// client that wants the count now rather than at the next change.
import type { Connection } from 'vscode-languageserver';
import { INVENTORY_STATUS_REQUEST, type InventoryStatus } from '../protocol';
import type { WorkspaceInventory } from './inventory/workspaceInventory';

/** `inventory` is undefined until the server is initialized: it then answers with an empty inventory. */
export function registerInventoryStatusRequest(
  connection: Connection,
  inventory: () => WorkspaceInventory | undefined,
): void {
  connection.onRequest(INVENTORY_STATUS_REQUEST, (): InventoryStatus => {
    const current = inventory();
    const snapshot = current?.snapshot();
    return {
      version: snapshot?.version ?? 0,
      certificates: snapshot?.certificates.length ?? 0,
      scanning: current?.scanning ?? false,
    };
  });
}
