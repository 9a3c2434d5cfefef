// Keeps the certificate inventory in step with the files of a scope, in the background: folders
// are walked and files read through the runtime's file access, decoded through the service's lean
// reader, a few at a time, yielding to the event loop between slices of work, so requests and
// edits are served while 10,000 certificates are read. A file whose size and modification time
// (or open document version) did not change is not read again; an open document's text counts
// instead of the disk's. One file's change updates that file's share only.
import { URI, Utils } from 'vscode-uri';
import { CertificateInventory, fileTooLargeProblem, readCertificateFile } from '../../service';
import type { FileSystemAccess, Logger, RuntimeEnvironment } from '../runtime';
import { formatError } from '../runner';
import { formatScanReport, type WalkedRoot } from './scanReport';
import { inventoryPathOf, relativeUriPath, ScanScope, type ScanRoot } from './scanScope';

export interface ScannerHost {
  fileSystem: FileSystemAccess | undefined;
  timer: RuntimeEnvironment['timer'];
  now(): number;
  sha256?: (bytes: Uint8Array) => string;
  /** The text and version of an open document, which counts instead of the file on disk. */
  openDocument(uri: string): { text: string; version: number } | undefined;
  logger: Logger;
}

export interface ScannerEvents {
  /** Work started while idle; `fullScan` when it walks the folders (worth a progress report). */
  onBusy?(fullScan: boolean): void;
  onProgress?(done: number, total: number): void;
  /** Everything queued is read and every walk is done. */
  onIdle?(): void;
  /** A file's content was read (the workspace manifests look for RenewRevocations in it). */
  onFileRead?(uri: string, content: string | Uint8Array): void;
  /** A file left the inventory (deleted, or out of the scope). */
  onFileForgotten?(uri: string): void;
}

/** Files whose reads run at once (their I/O overlaps). */
const BATCH_SIZE = 32;
/** Decoding work between two yields to the event loop, in milliseconds. */
const SLICE_MS = 8;

type Loaded = LoadedContent & {
  /** The scope the file was read under: if it is still the scope, the file is still in it. */
  scope?: ScanScope;
};

type LoadedContent =
  | { kind: 'gone' }
  | { kind: 'unchanged' }
  | { kind: 'content'; content: string | Uint8Array; stamp: string; maxFileSize: number }
  | { kind: 'too-large'; size: number; stamp: string; maxFileSize: number }
  | { kind: 'unreadable'; message: string };

export class InventoryScanner {
  readonly inventory = new CertificateInventory();
  private scope = new ScanScope([]);
  /** URIs to (re)read, in the order they were asked for. */
  private readonly queue = new Map<string, URI>();
  /** The URI of each inventory path (for opening and showing it). */
  private readonly uris = new Map<string, string>();
  private generation = 0;
  private walking = 0;
  private running = false;
  private busy = false;
  private fullScan = false;
  private done = 0;
  private total = 0;
  private disposed = false;
  /** What the last walk of the folders read and left out: logged once its files are read. */
  private walked: WalkedRoot[] | undefined;

  constructor(
    private readonly host: ScannerHost,
    private readonly events: ScannerEvents = {},
  ) {}

  get scanning(): boolean {
    return this.busy;
  }

  /** True while a walk of the folders (a first scan, a new scope) is under way, not for single files. */
  get scanningFolders(): boolean {
    return this.busy && this.fullScan;
  }

  get currentScope(): ScanScope {
    return this.scope;
  }

  /** The URI an inventory path was read from. */
  uriOf(path: string): string | undefined {
    return this.uris.get(path);
  }

  /** A new scope: walks every root again (unchanged files are not re-read) and drops files no longer in it. */
  setScope(scope: ScanScope): void {
    this.scope = scope;
    const generation = ++this.generation;
    this.markBusy(true);
    this.walking++;
    void this.walkAll(generation).finally(() => {
      this.walking--;
      this.kick();
    });
  }

  /** A file (or folder) was created or changed: read it again if the scope reads it. */
  fileChanged(uri: string): void {
    const parsed = URI.parse(uri);
    if (this.scope.rootReading(parsed)) this.enqueue(parsed);
    else if (this.inventory.has(inventoryPathOf(parsed))) this.enqueue(parsed);
  }

  /** A file or folder was deleted: drop it, and everything below it. */
  fileDeleted(uri: string): void {
    const parsed = URI.parse(uri);
    for (const path of this.inventory.paths()) {
      const known = this.uris.get(path);
      if (known && relativeUriPath(parsed, URI.parse(known)) !== undefined && !this.host.openDocument(known))
        this.forget(path);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
  }

  private forget(path: string): void {
    this.inventory.removeFile(path);
    const uri = this.uris.get(path);
    this.uris.delete(path);
    if (uri) this.events.onFileForgotten?.(uri);
  }

  private enqueue(uri: URI): void {
    if (this.disposed) return;
    this.markBusy(false);
    const key = uri.toString();
    if (!this.queue.has(key)) {
      this.queue.set(key, uri);
      this.total++;
    }
    this.kick();
  }

  private markBusy(fullScan: boolean): void {
    if (this.busy && (!fullScan || this.fullScan)) return;
    if (!this.busy) {
      this.busy = true;
      this.done = 0;
      this.total = 0;
    }
    if (fullScan) this.fullScan = true;
    this.events.onBusy?.(fullScan);
  }

  private kick(): void {
    if (this.queue.size > 0 && !this.running) void this.run();
    else this.checkIdle();
  }

  private checkIdle(): void {
    if (!this.busy || this.running || this.walking > 0 || this.queue.size > 0) return;
    this.busy = false;
    this.fullScan = false;
    if (this.walked) {
      const snapshot = this.inventory.snapshot();
      this.host.logger.info(formatScanReport(this.walked, snapshot.problems, snapshot.certificates.length));
      this.walked = undefined;
    }
    this.events.onIdle?.();
  }

  private yieldToEventLoop(): Promise<void> {
    return new Promise((resolve) => this.host.timer.setImmediate(resolve));
  }

  private async walkAll(generation: number): Promise<void> {
    const seen = new Set<string>();
    const walked: WalkedRoot[] = [];
    for (const root of this.scope.roots) {
      const report: WalkedRoot = { path: inventoryPathOf(root.uri), kind: root.kind, files: [], skippedFolders: [] };
      try {
        await this.walkRoot(root, generation, seen, report);
        walked.push(report);
      } catch (error) {
        this.host.logger.error(formatError(`Could not walk ${root.uri.toString()} for certificates`, error));
      }
      if (generation !== this.generation) return;
    }
    this.walked = walked;
    // Files the scope no longer reads (settings or folders changed, files deleted meanwhile).
    for (const path of this.inventory.paths()) {
      if (seen.has(path)) continue;
      const uri = this.uris.get(path);
      if (uri && this.scope.rootReading(uri) && this.host.openDocument(uri)) continue;
      this.forget(path);
    }
  }

  private async walkRoot(root: ScanRoot, generation: number, seen: Set<string>, report: WalkedRoot): Promise<void> {
    const fileSystem = this.host.fileSystem;
    if (!fileSystem) return;
    const top = await fileSystem.stat(root.uri.toString());
    if (!top) {
      if (root.kind === 'certificatePath')
        this.host.logger.warn(
          `renewRevocation.certificatePaths: ${inventoryPathOf(root.uri)} was not found; no certificate is read from it`,
        );
      return;
    }
    if (top.type === 'file') {
      seen.add(inventoryPathOf(root.uri));
      report.files.push(inventoryPathOf(root.uri));
      this.enqueue(root.uri);
      return;
    }
    const folders: Array<{ uri: URI; relative: string }> = [{ uri: root.uri, relative: '' }];
    let sliceStart = this.host.now();
    while (folders.length > 0) {
      const folder = folders.pop()!;
      const children = await fileSystem.readDirectory(folder.uri.toString());
      if (generation !== this.generation || this.disposed) return;
      for (const [name, type] of children) {
        // A folder of 10,000 files takes ~100 ms to sort out: in slices, so that the first
        // diagnostics and every request meanwhile wait for one slice at most.
        if (this.host.now() - sliceStart > SLICE_MS) {
          await this.yieldToEventLoop();
          if (generation !== this.generation || this.disposed) return;
          sliceStart = this.host.now();
        }
        const relative = folder.relative === '' ? name : `${folder.relative}/${name}`;
        const uri = Utils.joinPath(folder.uri, name);
        if (type === 'directory') {
          const skipped = this.scope.folderSkipReason(root, relative);
          if (skipped === undefined) folders.push({ uri, relative });
          else report.skippedFolders.push({ folder: relative, reason: skipped });
        } else if (type === 'file' && this.scope.readsFile(root, relative)) {
          seen.add(inventoryPathOf(uri));
          report.files.push(relative);
          this.enqueue(uri);
        }
      }
    }
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.size > 0 && !this.disposed) {
        const batch: URI[] = [];
        for (const [key, uri] of this.queue) {
          this.queue.delete(key);
          batch.push(uri);
          if (batch.length === BATCH_SIZE) break;
        }
        const loaded = await Promise.all(batch.map((uri) => this.load(uri)));
        let sliceStart = this.host.now();
        for (let i = 0; i < batch.length; i++) {
          this.apply(batch[i], loaded[i]);
          this.done++;
          if (this.host.now() - sliceStart > SLICE_MS) {
            await this.yieldToEventLoop();
            sliceStart = this.host.now();
          }
        }
        this.events.onProgress?.(this.done, this.total);
        await this.yieldToEventLoop();
      }
    } catch (error) {
      this.host.logger.error(formatError('The certificate scan stopped', error));
    } finally {
      this.running = false;
    }
    this.kick();
  }

  private async load(uri: URI): Promise<Loaded> {
    const scope = this.scope;
    return { ...(await this.loadIn(scope, uri)), scope };
  }

  private async loadIn(scope: ScanScope, uri: URI): Promise<LoadedContent> {
    const key = uri.toString();
    const root = scope.rootReading(uri);
    const path = inventoryPathOf(uri);
    if (!root) return { kind: 'gone' };
    const maxFileSize = root.maxFileSize;
    const open = this.host.openDocument(key);
    if (open) {
      const stamp = `open:${open.version}`;
      if (this.inventory.stampOf(path) === stamp) return { kind: 'unchanged' };
      if (open.text.length > maxFileSize) return { kind: 'too-large', size: open.text.length, stamp, maxFileSize };
      return { kind: 'content', content: open.text, stamp, maxFileSize };
    }
    const fileSystem = this.host.fileSystem;
    if (!fileSystem) return { kind: 'gone' };
    try {
      const stat = await fileSystem.stat(key);
      if (!stat || stat.type !== 'file') return { kind: 'gone' };
      const stamp = `${stat.size}:${stat.mtime}`;
      if (this.inventory.stampOf(path) === stamp) return { kind: 'unchanged' };
      if (stat.size > maxFileSize) return { kind: 'too-large', size: stat.size, stamp, maxFileSize };
      return { kind: 'content', content: await fileSystem.readFile(key), stamp, maxFileSize };
    } catch (error) {
      return { kind: 'unreadable', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private apply(uri: URI, loaded: Loaded): void {
    const path = inventoryPathOf(uri);
    // The scope may have changed while the file was being read.
    if (loaded.kind === 'gone' || (loaded.scope !== this.scope && !this.scope.rootReading(uri))) {
      this.forget(path);
      return;
    }
    if (loaded.kind === 'unchanged') return;
    this.uris.set(path, uri.toString());
    if (loaded.kind === 'unreadable') {
      this.inventory.setFile(path, {
        certificates: [],
        problems: [{ path, code: 'unreadable', message: `the file could not be read: ${loaded.message}` }],
      });
    } else if (loaded.kind === 'too-large') {
      this.inventory.setFile(path, {
        certificates: [],
        problems: [fileTooLargeProblem(path, loaded.size, loaded.maxFileSize)],
        stamp: loaded.stamp,
      });
    } else {
      this.events.onFileRead?.(uri.toString(), loaded.content);
      const reading = readCertificateFile(path, loaded.content, {
        sha256: this.host.sha256,
        maxFileSize: loaded.maxFileSize,
      });
      this.inventory.setFile(path, {
        certificates: reading.certificates,
        problems: reading.problems,
        stamp: loaded.stamp,
      });
    }
  }
}
