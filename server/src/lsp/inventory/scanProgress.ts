// Owns the work-done progress of a folder scan ("Reading certificates", `n of m files`): begun
// when a walk of the folders starts, continued by a new burst of work before the result is
// published, ended once it is.
import type { WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { formatError } from '../runner';
import type { Logger } from '../runtime';

export class ScanProgress {
  /** The progress being reported, from when it is asked for (the client creates it asynchronously). */
  private reporter: Promise<WorkDoneProgressServerReporter> | undefined;

  constructor(
    /** `connection.window.createWorkDoneProgress`. */
    private readonly create: () => Promise<WorkDoneProgressServerReporter>,
    private readonly logger: Logger,
  ) {}

  /** A scan of the folders started: report it, unless a report is open already. */
  begin(): void {
    if (this.reporter) return;
    this.reporter = this.create().then((reporter) => {
      reporter.begin('Reading certificates', 0, 'looking for certificate files', false);
      return reporter;
    });
    this.reporter.catch((error: unknown) =>
      this.logger.error(formatError('Could not report the certificate scan progress', error)),
    );
  }

  // A progress the client refused was logged by begin; reporting on it or ending it does nothing
  // (and must not leave a rejection unhandled, which would end the server).
  report(done: number, total: number): void {
    this.reporter
      ?.then((reporter) =>
        reporter.report(total > 0 ? Math.floor((done / total) * 100) : 0, `${done} of ${total} files`),
      )
      .catch(() => undefined);
  }

  /** The result is published: the report ends (a later scan begins a new one). */
  end(): void {
    const finished = this.reporter;
    this.reporter = undefined;
    finished?.then((reporter) => reporter.done()).catch(() => undefined);
  }
}
