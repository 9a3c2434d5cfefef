// A language server spawned over stdio and driven as an editor drives it, for timing: our server
// and yaml-language-server alike. Times are taken in this process with performance.now(), from
// just before a message is written to when the answer has been read and parsed. The process, the
// connection and the waiting are test/shared/lspServerProcess.ts's (the protocol tests' client
// too); this adds an editor's capabilities, timestamps on what arrives, and the process's memory
// and CPU time.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  UnregistrationRequest,
  type ClientCapabilities,
  type ConfigurationItem,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess, spawnServer, type SpawnedServer } from '../../test/shared/lspServerProcess';

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
      publishDiagnostics: {
        relatedInformation: true,
        versionSupport: true,
        codeDescriptionSupport: true,
        dataSupport: true,
      },
      codeAction: {
        dynamicRegistration: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } },
        isPreferredSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
      },
      hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
      completion: {
        dynamicRegistration: true,
        completionItem: {
          snippetSupport: true,
          documentationFormat: ['markdown', 'plaintext'],
          insertReplaceSupport: true,
          labelDetailsSupport: true,
        },
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

export class LspProcess extends LspServerProcess {
  readonly published: Published[] = [];
  readonly notifications: Received[] = [];

  private constructor(
    readonly options: LspServerOptions,
    spawned: SpawnedServer,
  ) {
    // Keep the tail of stderr only: a server that logs much must not fill this process's memory.
    super(spawned, { name: options.name, stderrLimit: 20_000, waitsFailOnExit: true, requestsFailOnExit: false });
    const connection = this.connection;
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
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => options.configuration(item)),
    );
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    // Requests editors answer with nothing of interest here (progress tokens, refreshes).
    for (const method of [
      'window/workDoneProgress/create',
      'workspace/codeLens/refresh',
      'workspace/diagnostic/refresh',
      'workspace/inlayHint/refresh',
      'workspace/semanticTokens/refresh',
    ]) {
      connection.onRequest(method, () => null);
    }
    connection.listen();
  }

  static async start(options: LspServerOptions, timeoutMs = 60_000): Promise<LspProcess> {
    const spawned = spawnServer({ file: options.command, args: options.args, cwd: options.cwd, env: options.env });
    const server = new LspProcess(options, spawned);
    const folderUri = pathToFileURL(options.workspaceFolder).toString();
    await server.initialize(
      {
        processId: process.pid,
        rootUri: folderUri,
        capabilities: editorCapabilities(),
        initializationOptions: options.initializationOptions,
        workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      },
      timeoutMs,
    );
    return server;
  }

  /** Resident and peak resident memory of the server process, in bytes (Linux /proc). */
  memory(): { rss: number; peak: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const read = (field: string) =>
        Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
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

  /**
   * Drops the publishDiagnostics received so far (indices start again at 0). A run that keeps
   * them all holds hundreds of MiB of parsed diagnostics in this process, whose garbage
   * collection then lands in the timing of the next large message.
   */
  forgetPublished(): void {
    this.published.splice(0);
  }

  /** The first publishDiagnostics for `uri` received after index `from` of `published` that `accept` accepts. */
  diagnosticsAfter(
    uri: string,
    from: number,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 120_000,
  ): Promise<Published> {
    return this.waitFor(
      `diagnostics for ${uri}`,
      () => this.published.slice(from).find((published) => published.params.uri === uri && accept(published.params)),
      timeoutMs,
    );
  }

  /** The first recorded notification of `method` that `accept` accepts (already received or still to come). */
  notification<P>(method: string, accept: (params: P) => boolean, timeoutMs: number): Promise<Received> {
    return this.waitFor(
      `a ${method} notification`,
      () => this.notifications.find((received) => received.method === method && accept(received.params as P)),
      timeoutMs,
    );
  }

  /** A request and how long its answer took (ms). */
  override timedRequest<R>(method: string, params: unknown, timeoutMs = 120_000): Promise<{ ms: number; result: R }> {
    return super.timedRequest<R>(method, params, timeoutMs);
  }

  /** The orderly end (shutdown, exit), so that a `--cpu-prof` server writes its profile; a kill after the timeout. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (!this.alive) return;
    try {
      await this.shutdownAndExit(timeoutMs);
    } catch {
      // Fall through to the kill.
    } finally {
      this.kill();
    }
  }
}

/** Diagnostics compared as a user reads them: code, range, severity, message; order ignored. */
export function diagnosticsKey(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${typeof d.message === 'string' ? d.message : JSON.stringify(d.message)}`,
    )
    .sort()
    .join('\n');
}
