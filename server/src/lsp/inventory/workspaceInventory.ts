// The server's certificate inventory: which folders and settings it reads (workspace folders from
// `initialize` and `workspace/didChangeWorkspaceFolders`, `renewRevocation.certificateGlobs`,
// `files.exclude`, `renewRevocation.certificatePaths` when the workspace is trusted), the file
// watchers it registers, the open documents whose text counts, the work-done progress of a scan,
// and the version everything else reads: published once the scanner is idle, after a short pause,
// so a scan in progress never shows half an inventory and a burst of file events costs one refresh.
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type TextDocuments,
  type WorkDoneProgressServerReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CertificateInventory, type InventorySnapshot } from '../../service/inventory/inventory';
import { INVENTORY_CHANGED_NOTIFICATION, WORKSPACE_TRUST_NOTIFICATION, type InventoryChangedParams, type WorkspaceTrustParams } from '../../protocol';
import { formatError } from '../runner';
import type { Logger, RuntimeEnvironment } from '../runtime';
import { InventoryScanner } from './inventoryScanner';
import {
  DEFAULT_INVENTORY_SETTINGS,
  readFilesExclude,
  readInventorySettings,
  type InventorySettings,
} from './inventorySettings';
import { decideCertificatePaths } from '../../service/inventory/trustedPaths';
import { relativeUriPath, ScanScope, type ScanRootOptions } from './scanScope';

/** The pause between the scanner going idle and the new version reaching diagnostics and lenses. */
export const PUBLISH_DEBOUNCE_MS = 200;
/** The pause after an edit before an open certificate file's text is read again. */
const DOCUMENT_DEBOUNCE_MS = 300;
/** The longest the first scan waits for the first validation (when no document is opened at start). */
export const FIRST_SCAN_WAIT_MS = 500;

export interface WorkspaceInventory {
  /** The version diagnostics, hover, code lenses and the preview read: the last complete one. */
  snapshot(): InventorySnapshot;
  /** True while the folders are being read (the published version will change when it is done). */
  readonly scanning: boolean;
  /** A path as people read it: relative to its workspace folder when it is in one. */
  displayPath(path: string): string;
  /**
   * Called once the client is initialized. The first scan (settings, walk, reads) begins after the
   * first validation, or FIRST_SCAN_WAIT_MS later when none comes: the documents the editor opens
   * with the workspace get their diagnostics before the scan takes the CPU.
   */
  start(): void;
  /** A document's diagnostics were computed: the first scan may begin. */
  documentValidated(): void;
  /** `workspace/didChangeConfiguration`; `pushed` is its `settings` (null from pull-model clients). */
  onDidChangeConfiguration(pushed: unknown): void;
  /** Called after each publication. */
  onDidPublish(listener: (snapshot: InventorySnapshot) => void): void;
  dispose(): void;
}

export interface WorkspaceInventoryOptions {
  connection: Connection;
  runtime: RuntimeEnvironment;
  documents: TextDocuments<TextDocument>;
  params: InitializeParams;
  logger: Logger;
}

/** `initializationOptions.workspaceTrusted`: false only when the client says so (clients without a notion of trust trust their user). */
export function readWorkspaceTrust(initializationOptions: unknown): boolean {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return true;
  return (initializationOptions as { workspaceTrusted?: unknown }).workspaceTrusted !== false;
}

/** The folders of `initialize`: `workspaceFolders` when given (null means none), else the deprecated rootUri/rootPath. */
export function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders !== undefined) return params.workspaceFolders ?? [];
  if (params.rootUri) return [{ uri: params.rootUri, name: params.rootUri }];
  if (params.rootPath) return [{ uri: URI.file(params.rootPath).toString(), name: params.rootPath }];
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function createWorkspaceInventory(options: WorkspaceInventoryOptions): WorkspaceInventory {
  const { connection, runtime, documents, params, logger } = options;
  const capabilities = params.capabilities;
  const supportsConfiguration = capabilities.workspace?.configuration === true;
  const supportsWatcherRegistration = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  const supportsRelativePatterns = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  let folders = initialFolders(params);
  let trusted = readWorkspaceTrust(params.initializationOptions);
  let pushed: { renewRevocation?: unknown; exclude?: unknown } = {};
  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    logger.warn(problem);
  };

  let published: InventorySnapshot = new CertificateInventory().snapshot();
  let publishedScanning = false;
  let publishTimer: Disposable | undefined;
  let progress: Promise<WorkDoneProgressServerReporter> | undefined;
  let watcherRegistration: Promise<Disposable> | undefined;
  let settingsGeneration = 0;
  const documentTimers = new Map<string, Disposable>();
  const publishListeners: Array<(snapshot: InventorySnapshot) => void> = [];
  const disposables: Disposable[] = [];
  let started = false;
  let scanBegun = false;
  let firstScanTimer: Disposable | undefined;

  const scanner = new InventoryScanner(
    {
      fileSystem: runtime.fileSystem,
      timer: runtime.timer,
      now: runtime.now ?? (() => Date.now()),
      sha256: runtime.sha256,
      openDocument: (uri) => {
        const document = documents.get(uri);
        return document && { text: document.getText(), version: document.version };
      },
      logger,
    },
    {
      onBusy(fullScan) {
        publishTimer?.dispose();
        publishTimer = undefined;
        if (fullScan && !progress) {
          progress = connection.window.createWorkDoneProgress().then((reporter) => {
            reporter.begin('Reading certificates', 0, 'looking for certificate files', false);
            return reporter;
          });
          progress.catch((error: unknown) => logger.error(formatError('Could not report the certificate scan progress', error)));
        }
      },
      onProgress(done, total) {
        void progress?.then((reporter) => reporter.report(total > 0 ? Math.floor((done / total) * 100) : 0, `${done} of ${total} files`));
      },
      onIdle() {
        // The progress ends once the result is published (a new burst of work before then continues it).
        schedulePublish(() => {
          const finished = progress;
          progress = undefined;
          void finished?.then((reporter) => reporter.done());
        });
      },
    },
  );

  function schedulePublish(afterwards?: () => void): void {
    publishTimer?.dispose();
    publishTimer = runtime.timer.setTimeout(() => {
      publishTimer = undefined;
      publish();
      afterwards?.();
    }, PUBLISH_DEBOUNCE_MS);
  }

  function publish(): void {
    const inventory = scanner.inventory;
    const scanning = scanner.scanning;
    if (inventory.version === published.version && scanning === publishedScanning) return;
    published = inventory.snapshot();
    publishedScanning = scanning;
    logger.info(`Certificate inventory: ${published.certificates.length} certificates from ${inventory.paths().length} files (version ${published.version})`);
    const notification: InventoryChangedParams = { version: published.version, certificates: published.certificates.length, scanning };
    void connection.sendNotification(INVENTORY_CHANGED_NOTIFICATION, notification);
    for (const listener of publishListeners) {
      try {
        listener(published);
      } catch (error) {
        logger.error(formatError('Error while refreshing after an inventory change', error));
      }
    }
  }

  /** The `renewRevocation` and `files.exclude` settings of a folder (or of the window, for no folder). */
  async function readSettings(scopeUri: string | undefined): Promise<{ settings: InventorySettings; exclude: string[] }> {
    if (!supportsConfiguration) {
      return { settings: readInventorySettings(pushed.renewRevocation, report), exclude: readFilesExclude(pushed.exclude) };
    }
    try {
      const [raw, exclude] = await connection.workspace.getConfiguration([
        { scopeUri, section: 'renewRevocation' },
        { scopeUri, section: 'files.exclude' },
      ]);
      return { settings: readInventorySettings(raw, report), exclude: readFilesExclude(exclude) };
    } catch (error) {
      logger.error(formatError('Could not read the settings of the certificate inventory; using the defaults', error));
      return { settings: DEFAULT_INVENTORY_SETTINGS, exclude: [] };
    }
  }

  async function rescan(): Promise<void> {
    const generation = ++settingsGeneration;
    const folderSettings = await Promise.all(folders.map((folder) => readSettings(folder.uri)));
    const windowSettings = folders.length > 0 ? folderSettings[0] : await readSettings(undefined);
    if (generation !== settingsGeneration) return;
    const roots: ScanRootOptions[] = folders.map((folder, i) => ({
      uri: folder.uri,
      kind: 'workspace',
      include: folderSettings[i].settings.certificateGlobs,
      exclude: folderSettings[i].exclude,
      maxFileSize: folderSettings[i].settings.maxFileSize,
    }));
    const decisions = decideCertificatePaths(windowSettings.settings.certificatePaths, { trusted, workspaceFolders: folders.map((folder) => folder.uri) });
    for (const decision of decisions) {
      if (decision.readable) roots.push({ uri: decision.uri, kind: 'certificatePath', maxFileSize: windowSettings.settings.maxFileSize });
      else logger.info(`renewRevocation.certificatePaths: ${decision.reason}; it is not read`);
    }
    const scope = new ScanScope(roots);
    registerWatchers(roots);
    scanner.setScope(scope);
  }

  function registerWatchers(roots: readonly ScanRootOptions[]): void {
    if (!supportsWatcherRegistration) return;
    const previous = watcherRegistration;
    void previous?.then((registration) => registration.dispose()).catch(() => undefined);
    const watchers: FileSystemWatcher[] = [];
    const patterns = new Set<string>();
    for (const root of roots) {
      if (root.kind === 'workspace') {
        // Plain globs: the editor matches them against the workspace watcher it has anyway (a
        // relative pattern would start one more recursive watcher per glob and folder).
        for (const glob of root.include ?? []) patterns.add(glob);
      } else if (supportsRelativePatterns) {
        // A folder outside the workspace is watched only where the client can watch a base folder.
        watchers.push({ globPattern: { baseUri: root.uri, pattern: '**/*' } });
      }
    }
    for (const pattern of patterns) watchers.push({ globPattern: pattern });
    if (watchers.length === 0) {
      watcherRegistration = undefined;
      return;
    }
    watcherRegistration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    watcherRegistration.catch((error: unknown) => logger.error(formatError('Could not register the certificate file watchers', error)));
  }

  function startRescan(): void {
    rescan().catch((error: unknown) => logger.error(formatError('Could not start the certificate scan', error)));
  }

  function beginScanning(): void {
    if (!started || scanBegun) return;
    scanBegun = true;
    firstScanTimer?.dispose();
    firstScanTimer = undefined;
    startRescan();
  }

  /** Settings, trust or folders changed: scan again, unless the first scan is still to begin (it reads them then). */
  function rescanIfBegun(): void {
    if (scanBegun) startRescan();
  }

  function documentChanged(uri: string): void {
    if (!started) return;
    documentTimers.get(uri)?.dispose();
    documentTimers.set(
      uri,
      runtime.timer.setTimeout(() => {
        documentTimers.delete(uri);
        scanner.fileChanged(uri);
      }, DOCUMENT_DEBOUNCE_MS),
    );
  }

  disposables.push(
    documents.onDidChangeContent(({ document }) => documentChanged(document.uri)),
    // The file on disk counts again.
    documents.onDidClose(({ document }) => documentChanged(document.uri)),
  );

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!started) return;
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) scanner.fileDeleted(change.uri);
      else scanner.fileChanged(change.uri);
    }
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (trust: WorkspaceTrustParams) => {
    const next = trust?.trusted === true;
    if (next === trusted) return;
    trusted = next;
    rescanIfBegun();
  });

  function displayPath(path: string): string {
    const uri = scanner.uriOf(path);
    if (!uri) return path;
    const parsed = URI.parse(uri);
    for (const folder of folders) {
      const relative = relativeUriPath(URI.parse(folder.uri), parsed);
      if (relative) return folders.length > 1 ? `${folder.name}/${relative}` : relative;
    }
    return path;
  }

  return {
    snapshot: () => published,
    get scanning() {
      return scanner.scanningFolders;
    },
    displayPath,
    start() {
      if (started) return;
      started = true;
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          const gone = new Set(removed.map((folder) => folder.uri));
          folders = [...folders.filter((folder) => !gone.has(folder.uri)), ...added];
          rescanIfBegun();
        });
      }
      firstScanTimer = runtime.timer.setTimeout(beginScanning, FIRST_SCAN_WAIT_MS);
    },
    documentValidated() {
      // After what is queued: the diagnostics just computed go out first.
      if (started && !scanBegun) runtime.timer.setImmediate(beginScanning);
    },
    onDidChangeConfiguration(settings) {
      reported.clear();
      if (isObject(settings)) {
        const files = settings.files;
        pushed = { renewRevocation: settings.renewRevocation, exclude: isObject(files) ? files.exclude : undefined };
      }
      rescanIfBegun();
    },
    onDidPublish(listener) {
      publishListeners.push(listener);
    },
    dispose() {
      scanner.dispose();
      firstScanTimer?.dispose();
      publishTimer?.dispose();
      documentTimers.forEach((timer) => timer.dispose());
      disposables.forEach((disposable) => disposable.dispose());
      void watcherRegistration?.then((registration) => registration.dispose()).catch(() => undefined);
    },
  };
}
