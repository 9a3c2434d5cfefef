// What the server needs from its host, handed in by the entry point (as VS Code's
// json-language-features does) so that the same wiring runs under Node, in a browser worker, or
// in a test with its own clock.
import type { Disposable } from 'vscode-languageserver';

export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
  /** Reading files for the certificate inventory; a host without one (a browser) has only open documents. */
  readonly fileSystem?: FileSystemAccess;
  /** A fast SHA-256 (hex) for certificate fingerprints; default the service's portable one. */
  readonly sha256?: (bytes: Uint8Array) => string;
  /** Milliseconds from an arbitrary origin, for time-slicing background work. Default `Date.now`. */
  readonly now?: () => number;
  /** Why folders outside the workspace cannot be read here (a browser); undefined where they can. */
  readonly outsideWorkspace?: string;
}

export type FileType = 'file' | 'directory' | 'other';

export interface FileStat {
  type: FileType;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

/**
 * The few read-only file operations the inventory needs, by URI string (`file:///…`), so that a
 * host with another file system (a browser's) can supply its own. Symbolic links are followed
 * (a stat says what they point at). Nothing here writes.
 */
export interface FileSystemAccess {
  /** Undefined when nothing is there (or it cannot be reached). */
  stat(uri: string): Promise<FileStat | undefined>;
  /** Names and types of a folder's children; [] when it cannot be read. */
  readDirectory(uri: string): Promise<Array<[name: string, type: FileType]>>;
  /** The whole file; rejects when it cannot be read. */
  readFile(uri: string): Promise<Uint8Array>;
}

/** Where the server writes what it wants people to read: `connection.console` satisfies it. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}
