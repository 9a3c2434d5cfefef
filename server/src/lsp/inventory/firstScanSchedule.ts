// Owns when the first scan of the inventory begins: not before the client is initialized, then
// after the first validation (the documents the editor opens with the workspace get their
// diagnostics before the scan takes the CPU), or FIRST_SCAN_WAIT_MS after start when no document
// is validated. Until it has begun, changes of settings, trust or folders need no scan of their
// own: the first scan reads them.
import type { Disposable } from 'vscode-languageserver';
import type { RuntimeEnvironment } from '../runtime';

/** The longest the first scan waits for the first validation (when no document is opened at start). */
export const FIRST_SCAN_WAIT_MS = 500;

export class FirstScanSchedule {
  private isStarted = false;
  private hasBegun = false;
  private waitTimer: Disposable | undefined;

  constructor(
    private readonly timer: RuntimeEnvironment['timer'],
    /** Begins the first scan; called once. */
    private readonly beginScan: () => void,
  ) {}

  /** True once the client is initialized (file and document events count from then on). */
  get started(): boolean {
    return this.isStarted;
  }

  /** True once the first scan has begun. */
  get begun(): boolean {
    return this.hasBegun;
  }

  /** The client is initialized: the first scan begins at the latest FIRST_SCAN_WAIT_MS from now. */
  start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    this.waitTimer = this.timer.setTimeout(() => this.begin(), FIRST_SCAN_WAIT_MS);
  }

  /** A document's diagnostics were computed: the first scan begins after what is queued (the diagnostics go out first). */
  documentValidated(): void {
    if (this.isStarted && !this.hasBegun) this.timer.setImmediate(() => this.begin());
  }

  dispose(): void {
    this.waitTimer?.dispose();
  }

  private begin(): void {
    if (!this.isStarted || this.hasBegun) return;
    this.hasBegun = true;
    this.waitTimer?.dispose();
    this.waitTimer = undefined;
    this.beginScan();
  }
}
