// The server's certificate inventory, put together from parts that each own their state:
// InventoryFolders (folders, trust and settings → the roots to scan), InventoryScanner (reading
// the files of those roots), CertificateWatchers (the client's file watchers for them),
// ScanProgress (the work-done progress of a folder scan), InventoryPublisher (the version
// everything else reads, published once the scanner is idle), FirstScanSchedule (when the first
// scan begins) and OpenDocumentChanges (open documents whose text counts). This file only wires
// them to the LSP connection and to each other.
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Connection,
  type Disposable,
  type InitializeParams,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InventorySnapshot } from '../../service';
import {
  INVENTORY_CHANGED_NOTIFICATION,
  WORKSPACE_TRUST_NOTIFICATION,
  type WorkspaceTrustParams,
} from '../../protocol';
import { formatError } from '../runner';
import type { Logger, RuntimeEnvironment } from '../runtime';
import { CertificateWatchers } from './certificateWatchers';
import { FirstScanSchedule } from './firstScanSchedule';
import { initialFolders, InventoryFolders, readWorkspaceTrust } from './inventoryFolders';
import { InventoryPublisher } from './inventoryPublisher';
import { InventoryScanner } from './inventoryScanner';
import { OpenDocumentChanges } from './openDocumentChanges';
import { ScanProgress } from './scanProgress';
import { ScanScope } from './scanScope';
import { WorkspaceManifests } from './workspaceManifests';

export interface WorkspaceInventory {
  /** The version diagnostics, hover, code lenses and the preview read: the last complete one. */
  snapshot(): InventorySnapshot;
  /** True while the folders are being read (the published version will change when it is done). */
  readonly scanning: boolean;
  /** A path as people read it: relative to its workspace folder when it is in one. */
  displayPath: (path: string) => string;
  /** The URI an inventory path was read from (for going to it). */
  uriOf(path: string): string | undefined;
  /** The files of the scope that hold a RenewRevocation manifest, as the last scan read them. */
  manifestUris(): string[];
  /**
   * Called once the client is initialized. The first scan (settings, walk, reads) begins after the
   * first validation, or FIRST_SCAN_WAIT_MS (firstScanSchedule.ts) later when none comes: the documents the editor opens
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

export function createWorkspaceInventory(options: WorkspaceInventoryOptions): WorkspaceInventory {
  const { connection, runtime, documents, params, logger } = options;
  const workspaceCapabilities = params.capabilities.workspace;
  const watchedFiles = workspaceCapabilities?.didChangeWatchedFiles;

  const folders = new InventoryFolders({
    folders: initialFolders(params),
    trusted: readWorkspaceTrust(params.initializationOptions),
    getConfiguration:
      workspaceCapabilities?.configuration === true
        ? (items) => connection.workspace.getConfiguration(items)
        : undefined,
    logger,
    outsideWorkspace: runtime.outsideWorkspace,
  });
  const watchers = new CertificateWatchers({
    register:
      watchedFiles?.dynamicRegistration === true
        ? (list) => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: list })
        : undefined,
    relativePatterns: watchedFiles?.relativePatternSupport === true,
    logger,
  });
  const manifests = new WorkspaceManifests();
  const progress = new ScanProgress(() => connection.window.createWorkDoneProgress(), logger);

  const scanner: InventoryScanner = new InventoryScanner(
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
        publisher.cancel();
        if (fullScan) progress.begin();
      },
      onProgress: (done, total) => progress.report(done, total),
      // The progress ends once the result is published (a new burst of work before then continues it).
      onIdle: () => publisher.schedule(() => progress.end()),
      onFileRead: (uri, content) => manifests.fileRead(uri, content),
      onFileForgotten: (uri) => manifests.fileForgotten(uri),
    },
  );
  const publisher = new InventoryPublisher({
    source: scanner,
    timer: runtime.timer,
    notify: (params) => void connection.sendNotification(INVENTORY_CHANGED_NOTIFICATION, params),
    logger,
  });
  const firstScan = new FirstScanSchedule(runtime.timer, startRescan);
  const documentChanges = new OpenDocumentChanges(runtime.timer, (uri) => scanner.fileChanged(uri));

  async function rescan(): Promise<void> {
    const roots = await folders.scanRoots();
    if (!roots) return;
    const scope = new ScanScope(roots);
    watchers.watch(roots);
    scanner.setScope(scope);
  }

  function startRescan(): void {
    rescan().catch((error: unknown) => logger.error(formatError('Could not start the certificate scan', error)));
  }

  /** Settings, trust or folders changed: scan again, unless the first scan is still to begin (it reads them then). */
  function rescanIfBegun(): void {
    if (firstScan.begun) startRescan();
  }

  function documentChanged(uri: string): void {
    if (firstScan.started) documentChanges.changed(uri);
  }

  const disposables: Disposable[] = [
    documents.onDidChangeContent(({ document }) => documentChanged(document.uri)),
    // The file on disk counts again.
    documents.onDidClose(({ document }) => documentChanged(document.uri)),
  ];

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!firstScan.started) return;
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) scanner.fileDeleted(change.uri);
      else scanner.fileChanged(change.uri);
    }
  });

  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (trust: WorkspaceTrustParams) => {
    if (folders.setTrusted(trust?.trusted === true)) rescanIfBegun();
  });

  return {
    snapshot: () => publisher.snapshot(),
    get scanning() {
      return scanner.scanningFolders;
    },
    displayPath(path) {
      const uri = scanner.uriOf(path);
      if (!uri) return path;
      return folders.displayName(uri) ?? path;
    },
    start() {
      if (firstScan.started) return;
      if (workspaceCapabilities?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
          folders.changeFolders(added, removed);
          rescanIfBegun();
        });
      }
      firstScan.start();
    },
    uriOf: (path) => scanner.uriOf(path),
    manifestUris: () => manifests.list(),
    documentValidated: () => firstScan.documentValidated(),
    onDidChangeConfiguration(settings) {
      folders.settingsChanged(settings);
      rescanIfBegun();
    },
    onDidPublish: (listener) => publisher.onDidPublish(listener),
    dispose() {
      scanner.dispose();
      firstScan.dispose();
      publisher.dispose();
      documentChanges.dispose();
      disposables.forEach((disposable) => disposable.dispose());
      watchers.dispose();
    },
  };
}
