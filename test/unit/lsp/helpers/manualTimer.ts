// A clock the test moves by hand, with the shape of the server's RuntimeEnvironment timer: the
// inventory's parts (debounces, the first-scan wait) run exactly when the test says time passed.
import type { RuntimeEnvironment } from '../../../../server/src/lsp/runtime';

interface Pending {
  due: number;
  order: number;
  callback: () => void;
}

export class ManualTimer implements Pick<RuntimeEnvironment, 'timer'> {
  private now = 0;
  private order = 0;
  private readonly pending = new Set<Pending>();

  readonly timer: RuntimeEnvironment['timer'] = {
    setTimeout: (callback, ms) => this.add(callback, ms),
    setImmediate: (callback) => this.add(callback, 0),
  };

  /** Timers not yet run nor disposed. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Moves the clock on by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const next = [...this.pending]
        .filter((entry) => entry.due <= until)
        .sort((a, b) => a.due - b.due || a.order - b.order)[0];
      if (!next) break;
      this.pending.delete(next);
      this.now = next.due;
      next.callback();
    }
    this.now = until;
  }

  private add(callback: () => void, ms: number) {
    const entry: Pending = { due: this.now + ms, order: this.order++, callback };
    this.pending.add(entry);
    return { dispose: () => void this.pending.delete(entry) };
  }
}
