// The status-bar item: whether the server runs, and how many certificates its inventory holds
// (what the preview and the inventory diagnostics look at). A click opens the server menu
// (serverMenu.ts). The count comes from `renewRevocation/inventoryStatus` when the server starts
// and from `renewRevocation/inventoryChanged` (inventoryChanged) after that.
import { StatusBarAlignment, ThemeColor, window, type Disposable, type StatusBarItem } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import { INVENTORY_STATUS_REQUEST, type InventoryChangedParams, type InventoryStatus } from '../../server/src/protocol';
import { SERVER_MENU_COMMAND } from './serverMenu';
import { statusView, type ServerState } from './statusView';

function serverState(state: State): ServerState {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export class ServerStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private inventory: InventoryStatus | undefined;
  private renderPending = false;
  private readonly subscriptions: Disposable[];

  constructor(private readonly client: BaseLanguageClient) {
    this.item = window.createStatusBarItem('renewRevocation.server', StatusBarAlignment.Right, 100);
    this.item.name = 'RenewRevocation';
    this.item.command = SERVER_MENU_COMMAND;
    this.subscriptions = [
      client.onDidChangeState(({ newState }) => {
        if (newState !== State.Running) this.inventory = undefined;
        this.render();
        if (newState === State.Running) void this.askInventory();
      }),
    ];
    this.render();
    this.item.show();
    if (client.state === State.Running) void this.askInventory();
  }

  /** `renewRevocation/inventoryChanged` arrived (extension.ts holds the one handler of it). */
  inventoryChanged(params: InventoryChangedParams): void {
    this.inventory = params;
    this.render();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }

  private async askInventory(): Promise<void> {
    try {
      const status = await this.client.sendRequest<InventoryStatus>(INVENTORY_STATUS_REQUEST);
      // A notification that arrived meanwhile is newer.
      if (this.inventory === undefined || this.inventory.version <= status.version) this.inventory = status;
      this.render();
    } catch {
      // The server stopped meanwhile: the state change shows it.
    }
  }

  /**
   * On the next turn: while the client restarts a crashed server it reports Stopped and then
   * Starting in one go, and the item should not flash "stopped".
   */
  private render(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    setTimeout(() => {
      this.renderPending = false;
      this.show();
    }, 0);
  }

  private show(): void {
    const view = statusView(serverState(this.client.state), this.inventory);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.accessibilityInformation = { label: view.tooltip };
    this.item.backgroundColor = view.error ? new ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}
