// One version of the certificate inventory as the editor features receive it from the host.
import type { InventorySnapshot } from '../inventory/inventory';

/** One inventory version as the editor features read it. */
export interface InventoryContext {
  snapshot: InventorySnapshot;
  /** How a certificate's path is shown (the server makes workspace paths relative); default as is. */
  displayPath?: (path: string) => string;
}
