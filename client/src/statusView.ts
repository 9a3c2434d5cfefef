// What the status-bar item (statusBar.ts) says for the server's state and the inventory's last
// status: plain data, so that it is tested without an editor.
import type { InventoryStatus } from '../../server/src/protocol';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  /** An error background: the server has stopped. */
  error: boolean;
}

function certificates(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'certificate' : 'certificates'}`;
}

/** What the item shows for a client state and the last inventory status (plain, so it is tested without an editor). */
export function statusView(state: ServerState, inventory: InventoryStatus | undefined): StatusView {
  const menu = 'Click for the output, the preview or a restart.';
  if (state === 'stopped')
    return {
      text: '$(error) RenewRevocation stopped',
      tooltip: `The RenewRevocation language server is not running (see the output); diagnostics shown are stale. ${menu}`,
      error: true,
    };
  if (state === 'starting' || inventory === undefined)
    return {
      text: '$(sync~spin) RenewRevocation',
      tooltip: `The RenewRevocation language server is starting. ${menu}`,
      error: false,
    };
  if (inventory.scanning)
    return {
      text: `$(sync~spin) ${certificates(inventory.certificates)}`,
      tooltip: `RenewRevocation is reading certificates: ${certificates(inventory.certificates)} so far. ${menu}`,
      error: false,
    };
  return {
    text: `$(shield) ${certificates(inventory.certificates)}`,
    tooltip: `RenewRevocation is running; its certificate inventory holds ${certificates(inventory.certificates)}. ${menu}`,
    error: false,
  };
}
