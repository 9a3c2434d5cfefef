// A Logger that keeps what the server would write to its output, by level, for tests to read.
import type { Logger } from '../../../../server/src/lsp/runtime';

export class RecordingLogger implements Logger {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  readonly infos: string[] = [];
  readonly logs: string[] = [];
  error(message: string): void {
    this.errors.push(message);
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
  info(message: string): void {
    this.infos.push(message);
  }
  log(message: string): void {
    this.logs.push(message);
  }
}
