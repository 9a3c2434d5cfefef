// A real LSP client for protocol tests: spawns the BUILT server (`node dist/server.js --stdio`)
// and talks JSON-RPC to it over its stdio, as an editor does. The process, the connection and
// the waiting are test/shared/lspServerProcess.ts's (the bench drives servers with it too); this
// adds the capabilities of a plain editor and records what tests read. Every server it starts is
// killed by dispose(), and, should a test forget, when the test process exits.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import {
  CodeLensRefreshRequest,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  InlayHintRefreshRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type ConfigurationItem,
  type LogMessageParams,
  type PublishDiagnosticsParams,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { LspServerProcess, spawnServer, type SpawnedServer } from '../shared/lspServerProcess';

/** The repository root (the folder with package.json above this test bundle). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/** The built server; RENEW_REVOCATION_SERVER points the tests at another build (a packaged one, say). */
export const SERVER_PATH = process.env.RENEW_REVOCATION_SERVER ?? join(repoRoot(), 'dist', 'server.js');

export function fileUri(relativePath: string): string {
  return pathToFileURL(join(repoRoot(), relativePath)).toString();
}

export function readRepoFile(relativePath: string): string {
  return readFileSync(join(repoRoot(), relativePath), 'utf8');
}

export interface ClientFeatures {
  /** Advertise `textDocument/diagnostic` (pull diagnostics) and diagnostic refresh. */
  pullDiagnostics?: boolean;
  /** Advertise `workspace/configuration` (the server asks for settings per document). */
  configuration?: boolean;
  /** Advertise dynamic registration of `workspace/didChangeConfiguration`. */
  configurationRegistration?: boolean;
  /** Completion snippets (default true). */
  snippets?: boolean;
  /** Nested document symbols (default true). */
  hierarchicalSymbols?: boolean;
  /** `window.workDoneProgress`: the server may create progress tokens. */
  workDoneProgress?: boolean;
  /** Dynamic registration of `workspace/didChangeWatchedFiles` (with relative patterns). */
  watchedFiles?: boolean;
  /** `workspace/codeLens/refresh`. */
  codeLensRefresh?: boolean;
  /** `workspace/inlayHint/refresh`. */
  inlayHintRefresh?: boolean;
  /** Workspace folder support (`workspace/didChangeWorkspaceFolders`). */
  workspaceFolderSupport?: boolean;
}

/** Client capabilities of a plain editor, with the optional features asked for. */
export function clientCapabilities(features: ClientFeatures = {}): ClientCapabilities {
  const capabilities: ClientCapabilities = {
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
        isPreferredSupport: true,
      },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: features.snippets ?? true, documentationFormat: ['markdown'] } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: features.hierarchicalSymbols ?? true },
    },
    workspace: {},
  };
  if (features.pullDiagnostics) {
    capabilities.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
    capabilities.workspace!.diagnostics = { refreshSupport: true };
  }
  if (features.configuration) capabilities.workspace!.configuration = true;
  if (features.configurationRegistration)
    capabilities.workspace!.didChangeConfiguration = { dynamicRegistration: true };
  if (features.workDoneProgress) capabilities.window = { workDoneProgress: true };
  if (features.watchedFiles)
    capabilities.workspace!.didChangeWatchedFiles = { dynamicRegistration: true, relativePatternSupport: true };
  if (features.codeLensRefresh) capabilities.workspace!.codeLens = { refreshSupport: true };
  if (features.inlayHintRefresh) capabilities.workspace!.inlayHint = { refreshSupport: true };
  if (features.workspaceFolderSupport) capabilities.workspace!.workspaceFolders = true;
  return capabilities;
}

export interface StartOptions extends ClientFeatures {
  initializationOptions?: unknown;
  /** The `renewRevocation` settings answered to `workspace/configuration` (change with `settings`). */
  settings?: unknown;
  /** Answer `workspace/configuration` this much later, as a busy editor might. */
  configurationDelayMs?: number;
  /** Command and arguments; default `node dist/server.js --stdio`. */
  command?: { file: string; args: string[] };
  /** Workspace folder URIs for `initialize` (default null: no folder). */
  workspaceFolders?: string[];
  /** The `files.exclude` setting answered to `workspace/configuration`. */
  filesExclude?: Record<string, boolean>;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** One `$/progress` notification. */
export interface ProgressReceived {
  token: string | number;
  value: { kind: string; title?: string; message?: string; percentage?: number };
}

/** Notifications of the server's own protocol (server/src/protocol/requests.ts) that tests read. */
const CUSTOM_NOTIFICATIONS = ['renewRevocation/inventoryChanged'];

export class LspTestClient extends LspServerProcess {
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishDiagnosticsParams[] = [];
  /** Every window/logMessage received, in order. */
  readonly logs: LogMessageParams[] = [];
  /** The items of every workspace/configuration request, in order. */
  readonly configurationRequests: ConfigurationItem[][] = [];
  readonly registrations: Registration[] = [];
  refreshRequests = 0;
  codeLensRefreshRequests = 0;
  inlayHintRefreshRequests = 0;
  /** Tokens of `window/workDoneProgress/create`, and every `$/progress` received. */
  readonly progressTokens: Array<string | number> = [];
  readonly progress: ProgressReceived[] = [];
  /** The server's custom notifications (CUSTOM_NOTIFICATIONS), in order. */
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  filesExclude: Record<string, boolean> | undefined;
  /** The `renewRevocation` settings the client answers with. */
  settings: unknown;
  configurationDelayMs = 0;

  private constructor(spawned: SpawnedServer, settings: unknown) {
    super(spawned, { name: 'server', waitsFailOnExit: false, requestsFailOnExit: true });
    this.settings = settings;
    const connection = this.connection;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests.push(params.items);
      if (this.configurationDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.configurationDelayMs));
      return params.items.map((item) =>
        item.section === 'renewRevocation'
          ? this.settings
          : item.section === 'files.exclude'
            ? (this.filesExclude ?? null)
            : null,
      );
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
      this.notify();
    });
    connection.onNotification('$/progress', (params: ProgressReceived) => {
      this.progress.push(params);
      this.notify();
    });
    connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.codeLensRefreshRequests++;
      this.notify();
    });
    connection.onRequest(InlayHintRefreshRequest.type, () => {
      this.inlayHintRefreshRequests++;
      this.notify();
    });
    for (const method of CUSTOM_NOTIFICATIONS) {
      connection.onNotification(method, (params: unknown) => {
        this.notifications.push({ method, params });
        this.notify();
      });
    }
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
      this.notify();
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const command = options.command ?? { file: process.execPath, args: [SERVER_PATH, '--stdio'] };
    const client = new LspTestClient(spawnServer(command), options.settings);
    client.filesExclude = options.filesExclude;
    client.configurationDelayMs = options.configurationDelayMs ?? 0;
    await client.initialize(
      {
        processId: process.pid,
        rootUri: pathToFileURL(repoRoot()).toString(),
        capabilities: clientCapabilities(options),
        initializationOptions: options.initializationOptions,
        workspaceFolders: options.workspaceFolders
          ? options.workspaceFolders.map((uri, i) => ({ uri, name: `folder${i}` }))
          : null,
      },
      DEFAULT_TIMEOUT_MS,
    );
    return client;
  }

  /** The server process (as tests name it). */
  get process(): ChildProcess {
    return this.child;
  }

  override request<R>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    return super.request<R>(method, params, timeoutMs);
  }

  /** The first publishDiagnostics for `uri` (already received or still to come) that `accept` accepts. */
  waitForDiagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = () => true,
    from = 0,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitFor(`diagnostics for ${uri}`, () =>
      this.published.slice(from).find((params) => params.uri === uri && accept(params)),
    );
  }

  /** The number of work-done progresses the server has ended so far. */
  progressEnds(): number {
    return this.progress.filter((entry) => entry.value.kind === 'end').length;
  }

  /** Waits until the server has ended `count` work-done progresses (a scan of the inventory ends one). */
  waitForProgressEnds(count = 1, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<true> {
    return this.waitFor(
      `${count} work-done progress end(s)`,
      () => this.progressEnds() >= count || undefined,
      timeoutMs,
    );
  }

  override waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return super.waitFor(what, probe, timeoutMs);
  }

  /** The orderly end: shutdown, exit, and the server's exit code. */
  shutdown(): Promise<number | null> {
    return this.shutdownAndExit(DEFAULT_TIMEOUT_MS);
  }

  /** Kills the server if it still runs; safe to call twice. */
  dispose(): void {
    this.kill();
  }
}

/** Starts a server for one test and kills it when the test ends, whatever happens. */
export async function startForTest(
  t: { after(fn: () => void): void },
  options: StartOptions = {},
): Promise<LspTestClient> {
  const client = await LspTestClient.start(options);
  t.after(() => client.dispose());
  return client;
}

/** The range of the `occurrence`-th (from 0) appearance of `needle` in `text`, as LSP counts. */
export function rangeOf(
  text: string,
  needle: string,
  occurrence = 0,
): { start: { line: number; character: number }; end: { line: number; character: number } } {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`\`${needle}\` occurs fewer than ${occurrence + 1} times`);
  }
  const position = (at: number) => {
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    return { line, character: at - (before.lastIndexOf('\n') + 1) };
  };
  return { start: position(offset), end: position(offset + needle.length) };
}
