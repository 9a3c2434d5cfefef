// A language server spawned over stdio and driven as an editor drives it: the one LSP client of
// the protocol tests (test/protocol/lspClient.ts) and of the bench (bench/lsp/lspProcess.ts),
// which add what each records. This part owns the process and its connection: spawning it,
// `initialize`, document sync, requests, waiting for what the server sends (checked after every
// message and at its exit), timeouts that name what was awaited with the server's stderr, the
// orderly end, and killing every server still running when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import {
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeParams,
  type InitializeResult,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface ServerCommand {
  file: string;
  args: string[];
  cwd?: string;
  /** Changes to this process's environment for the server (undefined removes a variable). */
  env?: NodeJS.ProcessEnv;
}

export interface LspServerPolicy {
  /** Names the server in errors: `server`, `yaml-language-server`. */
  name: string;
  /** Keep only this many characters of the end of stderr (a server that logs much must not fill memory); default all. */
  stderrLimit?: number;
  /** Whether a wait still unmet when the server exits fails at once (else it runs to its timeout). */
  waitsFailOnExit: boolean;
  /** Whether a request (and `initialize`) fails at once when the server exits before answering. */
  requestsFailOnExit: boolean;
}

/** A spawned server and its connection, not yet listening (the subclass registers its handlers first). */
export interface SpawnedServer {
  child: ChildProcess;
  connection: ProtocolConnection;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function spawnServer(command: ServerCommand): SpawnedServer {
  const spawnedAt = performance.now();
  const env = command.env && { ...process.env, ...command.env };
  const child = spawn(command.file, command.args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: command.cwd, env });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  return { child, connection, spawnedAt };
}

export class LspServerProcess {
  stderr = '';
  initializeResult: InitializeResult | undefined;
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  /** The exit code, once the server has exited. */
  protected readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();

  protected constructor(
    spawned: SpawnedServer,
    private readonly policy: LspServerPolicy,
  ) {
    this.child = spawned.child;
    this.connection = spawned.connection;
    this.spawnedAt = spawned.spawnedAt;
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        resolve(code);
        this.notify();
      }),
    );
    this.child.stderr?.on('data', (chunk: Buffer) => {
      const text = this.stderr + chunk.toString();
      this.stderr = policy.stderrLimit === undefined ? text : text.slice(-policy.stderrLimit);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Opens a document and resolves with the time the open was sent. */
  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
    return sentAt;
  }

  /** Changes a document and resolves with the time the change was sent. */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
    return sentAt;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    return this.withTimeout(this.connection.sendRequest<R>(method, params), method, timeoutMs);
  }

  /** A request and how long its answer took (ms), from just before it was written to when the answer was read and parsed. */
  async timedRequest<R>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: R }> {
    const sentAt = performance.now();
    const result = await this.request<R>(method, params, timeoutMs);
    return { ms: performance.now() - sentAt, result };
  }

  /** Resolves with the first truthy value of `probe`, checked now, after every message from the server, and at its exit. */
  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          finish();
          resolve(value);
        } else if (this.policy.waitsFailOnExit && !this.alive) {
          finish();
          reject(new Error(`${this.policy.name} exited while waiting for ${what}; stderr: ${this.stderrTail()}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(this.timeoutError(what, timeoutMs));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Kills the server if it still runs; safe to call twice. */
  kill(): void {
    this.connection.dispose();
    if (this.alive) this.child.kill('SIGKILL');
    // The pipes are closed here rather than left to the child's end, so no handle of a server
    // outlives its test and holds the test process open.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
  }

  /** `initialize` then `initialized`; the server is killed when it fails. */
  protected async initialize(params: InitializeParams, timeoutMs: number): Promise<void> {
    try {
      this.initializeResult = await this.withTimeout(
        this.connection.sendRequest(InitializeRequest.type, params),
        'initialize',
        timeoutMs,
      );
      await this.connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      this.kill();
      throw error;
    }
  }

  /** `shutdown` and `exit`, each awaited up to `timeoutMs`; the exit code. */
  protected async shutdownAndExit(timeoutMs: number): Promise<number | null> {
    await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), ShutdownRequest.method, timeoutMs);
    await this.connection.sendNotification(ExitNotification.type);
    return this.withTimeout(this.exited, 'the server to exit', timeoutMs, false);
  }

  /** Wakes the waits: call after recording anything the server sent. */
  protected notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  protected withTimeout<T>(
    promise: Promise<T>,
    what: string,
    timeoutMs: number,
    failOnExit = this.policy.requestsFailOnExit,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(this.timeoutError(what, timeoutMs)), timeoutMs);
    });
    const racers: Array<Promise<T>> = [promise, timeout];
    if (failOnExit) {
      // A server that dies answers nothing: say so at once instead of at the timeout.
      const died = this.exited.then((code): never => {
        throw new Error(
          `${this.policy.name} exited (code ${code}) while waiting for ${what}; stderr: ${this.stderrTail()}`,
        );
      });
      died.catch(() => undefined);
      racers.push(died);
    }
    return Promise.race(racers).finally(() => clearTimeout(timer));
  }

  private timeoutError(what: string, timeoutMs: number): Error {
    return new Error(
      `${this.policy.name}: timed out after ${timeoutMs} ms waiting for ${what}; stderr: ${this.stderrTail()}`,
    );
  }

  private stderrTail(): string {
    return this.stderr.slice(-2000) || '(empty)';
  }
}
