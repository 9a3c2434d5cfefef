// Owns the file watchers the server asks the client for (`client/registerCapability` of
// `workspace/didChangeWatchedFiles`): one registration for the current scan roots, replaced when
// the roots change and dropped on dispose. The events they bring are handled by
// workspaceInventory.ts.
import type { Disposable, FileSystemWatcher } from 'vscode-languageserver';
import { formatError } from '../runner';
import type { Logger } from '../runtime';
import type { ScanRootOptions } from './scanScope';

/** The watchers for a set of roots; `relativePatterns` when the client watches a base folder of its own. */
export function watchersFor(roots: readonly ScanRootOptions[], relativePatterns: boolean): FileSystemWatcher[] {
  const watchers: FileSystemWatcher[] = [];
  const patterns = new Set<string>();
  for (const root of roots) {
    if (root.kind === 'workspace') {
      // Plain globs: the editor matches them against the workspace watcher it has anyway (a
      // relative pattern would start one more recursive watcher per glob and folder).
      for (const glob of root.include ?? []) patterns.add(glob);
    } else if (relativePatterns) {
      // A folder outside the workspace is watched only where the client can watch a base folder.
      watchers.push({ globPattern: { baseUri: root.uri, pattern: '**/*' } });
    }
  }
  for (const pattern of patterns) watchers.push({ globPattern: pattern });
  return watchers;
}

export interface CertificateWatchersOptions {
  /** Registers watchers with the client; undefined when it cannot register them dynamically. */
  register: ((watchers: FileSystemWatcher[]) => Promise<Disposable>) | undefined;
  relativePatterns: boolean;
  logger: Logger;
}

export class CertificateWatchers {
  private registration: Promise<Disposable> | undefined;

  constructor(private readonly options: CertificateWatchersOptions) {}

  /** Watches the files of these roots (and no longer those of the previous ones). */
  watch(roots: readonly ScanRootOptions[]): void {
    const { register, relativePatterns, logger } = this.options;
    if (!register) return;
    this.unregister();
    const watchers = watchersFor(roots, relativePatterns);
    if (watchers.length === 0) {
      this.registration = undefined;
      return;
    }
    this.registration = register(watchers);
    this.registration.catch((error: unknown) =>
      logger.error(formatError('Could not register the certificate file watchers', error)),
    );
  }

  dispose(): void {
    this.unregister();
  }

  private unregister(): void {
    void this.registration?.then((registration) => registration.dispose()).catch(() => undefined);
  }
}
