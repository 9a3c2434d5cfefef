// A language server spawned over stdio and driven as an editor drives it, for timing: our server
// and yaml-language-server alike. Times are taken in this process with performance.now(), from
// just before a message is written to when the answer has been read and parsed.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  type ClientCapabilities,
  type ConfigurationItem,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface LspServerOptions {
  /** For messages: `ours`, `yaml-language-server`. */
  name: string;
  command: string;
  args: string[];
  /** The workspace folder the server is told about. */
  workspaceFolder: string;
  /** The answer to each `workspace/configuration` item. */
  configuration: (item: ConfigurationItem) => unknown;
  initializationOptions?: unknown;
  cwd?: string;
  /** Changes to this process's environment for the server (undefined removes a variable). */
  env?: NodeJS.ProcessEnv;
  /** Notifications (besides diagnostics) to keep, with the time each arrived. */
  recordNotifications?: string[];
}

export interface Received {
  at: number;
  method: string;
  params: unknown;
}

export interface Published {
  at: number;
  params: PublishDiagnosticsParams;
}

/** What a current VS Code advertises, as far as these servers look at it. */
export function editorCapabilities(): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { dynamicRegistration: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, isPreferredSupport: true, dataSupport: true, resolveSupport: { properties: ['edit'] } },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: true,
        completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertReplaceSupport: true, labelDetailsSupport: true },
        contextSupport: true,
      },
      documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true },
      codeLens: { dynamicRegistration: true },
    },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceFolders: true,
      codeLens: { refreshSupport: true },
    },
  };
}

export class LspProcess {
  readonly published: Published[] = [];
  readonly notifications: Received[] = [];
  stderr = '';
  initializeResult: InitializeResult | undefined;
  /** performance.now() when the process was spawned. */
  readonly spawnedAt: number;
  private readonly waiters = new Set<() => void>();
  private readonly exited: Promise<number | null>;

  private constructor(
    readonly options: LspServerOptions,
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    spawnedAt: number,
  ) {
    this.spawnedAt = spawnedAt;
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      resolve(code);
      this.notify();
    }));
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the tail only: a server that logs much must not fill this process's memory.
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push({ at: performance.now(), params });
      this.notify();
    });
    for (const method of options.recordNotifications ?? []) {
      connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ at: performance.now(), method, params });
        this.notify();
      });
    }
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => options.configuration(item)));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    // Requests editors answer with nothing of interest here (progress tokens, refreshes).
    for (const method of ['window/workDoneProgress/create', 'workspace/codeLens/refresh', 'workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
      connection.onRequest(method, () => null);
    }
    connection.listen();
  }

  static async start(options: LspServerOptions, timeoutMs = 60_000): Promise<LspProcess> {
    const spawnedAt = performance.now();
    const env = options.env && { ...process.env, ...options.env };
    const child = spawn(options.command, options.args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env });
    children.add(child);
    child.once('exit', () => children.delete(child));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const server = new LspProcess(options, child, connection, spawnedAt);
    try {
      const folderUri = pathToFileURL(options.workspaceFolder).toString();
      server.initializeResult = await server.withTimeout(
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: folderUri,
          capabilities: editorCapabilities(),
          initializationOptions: options.initializationOptions,
          workspaceFolders: [{ uri: folderUri, name: 'bench' }],
        }),
        'initialize',
        timeoutMs,
      );
      await connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      server.kill();
      throw error;
    }
    return server;
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resident and peak resident memory of the server process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const read = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: read('VmRSS'), peak: read('VmHWM') };
    } catch {
      return undefined;
    }
  }

  /**
   * CPU time (user + system, ms) the server process has used so far, from /proc/PID/stat (clock
   * ticks of 10 ms, Linux's USER_HZ): unlike wall time, it does not grow when other processes
   * crowd the machine.
   */
  cpuMs(): number | undefined {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces), from field 3 on: utime and stime are fields 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  /** Opens a document and resolves with the time the open was sent. */
  async open(uri: string, text: string, version = 1, languageId = 'yaml'): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return sentAt;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const sentAt = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return sentAt;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The first publishDiagnostics for `uri` received after index `from` of `published` that `accept` accepts. */
  diagnosticsAfter(uri: string, from: number, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 120_000): Promise<Published> {
    return this.waitFor(`diagnostics for ${uri}`, () => this.published.slice(from).find((published) => published.params.uri === uri && accept(published.params)), timeoutMs);
  }

  /** The first recorded notification of `method` that `accept` accepts (already received or still to come). */
  notification<P>(method: string, accept: (params: P) => boolean, timeoutMs: number): Promise<Received> {
    return this.waitFor(`a ${method} notification`, () => this.notifications.find((received) => received.method === method && accept(received.params as P)), timeoutMs);
  }

  /** A request and how long its answer took (ms). */
  async timedRequest<R>(method: string, params: unknown, timeoutMs = 120_000): Promise<{ ms: number; result: R }> {
    const sentAt = performance.now();
    const result = await this.withTimeout(this.connection.sendRequest<R>(method, params), method, timeoutMs);
    return { ms: performance.now() - sentAt, result };
  }

  waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value) {
          finish();
          resolve(value);
        } else if (!this.alive) {
          finish();
          reject(new Error(`${this.options.name} exited while waiting for ${what}; stderr: ${this.stderr.slice(-2000) || '(empty)'}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`${this.options.name}: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The orderly end (shutdown, exit), so that a `--cpu-prof` server writes its profile; a kill after the timeout. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.alive) return;
    try {
      await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', timeoutMs);
      await this.connection.sendNotification(ExitNotification.type);
      await this.withTimeout(this.exited, 'exit', timeoutMs);
    } catch {
      // Fall through to the kill.
    } finally {
      this.kill();
    }
  }

  kill(): void {
    this.connection.dispose();
    if (this.alive) this.child.kill('SIGKILL');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private withTimeout<T>(promise: Promise<T>, what: string, timeoutMs: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.options.name}: timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Diagnostics compared as a user reads them: code, range, severity, message; order ignored. */
export function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : JSON.stringify(d.message)}`)
    .sort()
    .join('\n');
}
