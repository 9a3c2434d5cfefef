// The server's lifecycle as the user controls it: "RenewRevocation: Restart Server" (from the
// palette, the status bar's menu and the notification shown when the client gave up), and the
// friendly answer a command gives while the server is not running ("Restart it?") instead of
// the language client's "Client is not running".
import { commands, window, type Disposable, type LogOutputChannel } from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient';
import type { RestartPolicy } from './restartPolicy';
import type { StaleDiagnostics } from './staleDiagnostics';

export const RESTART_SERVER_COMMAND = 'renewRevocation.restartServer';
export const SHOW_OUTPUT_COMMAND = 'renewRevocation.showOutput';
export const NOT_RUNNING_MESSAGE = 'The RenewRevocation server is not running. Restart it?';
const RESTART = 'Restart Server';
const SHOW_OUTPUT = 'Show Output';

export class ServerControl {
  constructor(
    /** The client, once made (it needs this object's `gaveUp` in its options). */
    private readonly client: () => BaseLanguageClient | undefined,
    private readonly policy: RestartPolicy,
    private readonly stale: StaleDiagnostics,
    private readonly output: LogOutputChannel,
  ) {}

  /** Running, or starting (a request then waits for the start). */
  get available(): boolean {
    const state = this.client()?.state;
    return state !== undefined && state !== State.Stopped;
  }

  /** Starts the server again, with a clean crash record; the stale diagnostics give way to fresh ones. */
  async restart(): Promise<void> {
    this.policy.reset();
    this.stale.clear();
    this.output.info('Restarting the RenewRevocation language server (requested).');
    const client = this.client();
    // Stop, then start: the browser's client has no restart() of its own.
    if (client?.state === State.Running) await client.stop();
    await client?.start();
  }

  /** The client gave up after repeated crashes: keep what it showed, and say so with a way out. */
  gaveUp(message: string): void {
    this.stale.keep();
    void window.showErrorMessage(message, RESTART, SHOW_OUTPUT).then((choice) => this.answer(choice));
  }

  /**
   * True when the server can answer; otherwise tells the user (with a Restart button) and
   * returns false. Commands call it before any request.
   */
  ensureAvailable(): boolean {
    if (this.available) return true;
    void window.showErrorMessage(NOT_RUNNING_MESSAGE, RESTART, SHOW_OUTPUT).then((choice) => this.answer(choice));
    return false;
  }

  register(): Disposable {
    return commands.registerCommand(RESTART_SERVER_COMMAND, () => this.restart());
  }

  private answer(choice: string | undefined): void {
    if (choice === RESTART) void commands.executeCommand(RESTART_SERVER_COMMAND);
    else if (choice === SHOW_OUTPUT) void commands.executeCommand(SHOW_OUTPUT_COMMAND);
  }
}
