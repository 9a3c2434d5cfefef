// When to restart a crashed server: up to `maxRestarts` times within `windowMs`, then give up
// (a server that keeps crashing would otherwise flood the user and the log). Plain logic, with
// its clock handed in, so it is tested without an editor.
export interface CrashVerdict {
  restart: boolean;
  /** Crashes within the window, this one included. */
  crashesInWindow: number;
}

export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Records a crash and says whether to restart. */
  onCrash(): CrashVerdict {
    const at = this.now();
    this.crashes = this.crashes.filter((crash) => at - crash < this.windowMs);
    this.crashes.push(at);
    return { restart: this.crashes.length <= this.maxRestarts, crashesInWindow: this.crashes.length };
  }

  /** The user restarted the server: it starts with a clean record. */
  reset(): void {
    this.crashes = [];
  }
}
