// Owns the inventory version everything else reads (diagnostics, hover, code lenses, the
// preview): the last one published. A version is published once the scanner has been idle for a
// short pause, so a scan in progress never shows half an inventory and a burst of file events
// costs one refresh; publishing tells the client (`renewRevocation/inventoryChanged`) and the
// server's listeners.
import type { Disposable } from 'vscode-languageserver';
import { CertificateInventory, type InventorySnapshot } from '../../service';
import type { InventoryChangedParams } from '../../protocol';
import { formatError } from '../runner';
import type { Logger, RuntimeEnvironment } from '../runtime';

/** The pause between the scanner going idle and the new version reaching diagnostics and lenses. */
export const PUBLISH_DEBOUNCE_MS = 200;

export interface InventoryPublisherOptions {
  /** The inventory being built and whether work on it is under way (the scanner). */
  source: { readonly inventory: CertificateInventory; readonly scanning: boolean };
  timer: RuntimeEnvironment['timer'];
  /** Sends `renewRevocation/inventoryChanged` to the client. */
  notify: (params: InventoryChangedParams) => void;
  logger: Logger;
}

export class InventoryPublisher {
  private published: InventorySnapshot = new CertificateInventory().snapshot();
  private publishedScanning = false;
  private timer: Disposable | undefined;
  private readonly listeners: Array<(snapshot: InventorySnapshot) => void> = [];

  constructor(private readonly options: InventoryPublisherOptions) {}

  /** The last published version. */
  snapshot(): InventorySnapshot {
    return this.published;
  }

  onDidPublish(listener: (snapshot: InventorySnapshot) => void): void {
    this.listeners.push(listener);
  }

  /** Publishes after the pause (a call before then starts the pause again); `afterwards` runs once it is published. */
  schedule(afterwards?: () => void): void {
    this.timer?.dispose();
    this.timer = this.options.timer.setTimeout(() => {
      this.timer = undefined;
      this.publish();
      afterwards?.();
    }, PUBLISH_DEBOUNCE_MS);
  }

  /** The scanner is busy again: what was scheduled waits for its next idle. */
  cancel(): void {
    this.timer?.dispose();
    this.timer = undefined;
  }

  dispose(): void {
    this.timer?.dispose();
  }

  /** A new version, or a change of `scanning`, reaches the client and the listeners. */
  private publish(): void {
    const { source, notify, logger } = this.options;
    const inventory = source.inventory;
    const scanning = source.scanning;
    if (inventory.version === this.published.version && scanning === this.publishedScanning) return;
    this.published = inventory.snapshot();
    this.publishedScanning = scanning;
    const published = this.published;
    logger.info(
      `Certificate inventory: ${published.certificates.length} certificates from ${inventory.paths().length} files (version ${published.version})`,
    );
    notify({ version: published.version, certificates: published.certificates.length, scanning });
    for (const listener of this.listeners) {
      try {
        listener(published);
      } catch (error) {
        logger.error(formatError('Error while refreshing after an inventory change', error));
      }
    }
  }
}
