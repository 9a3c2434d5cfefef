// Which files the workspace inventory reads: in each workspace folder, the files that match
// `renewRevocation.certificateGlobs` and not `files.exclude`; in each folder of
// `renewRevocation.certificatePaths` that trustedPaths.ts allows, every file. `node_modules` and
// `.git` are never entered. Paths are compared as URIs (vscode-uri), so Windows drive letters,
// backslashes and UNC paths are handled by the URI library, never by splitting strings on `/`.
import { URI } from 'vscode-uri';
import { compileGlobs, type GlobMatcher } from './globPattern';
import { ALWAYS_SKIPPED_FOLDERS } from './inventorySettings';

export type RootKind = 'workspace' | 'certificatePath';

export interface ScanRootOptions {
  uri: string;
  kind: RootKind;
  /** Globs of the files to read (relative to the root); every file when undefined. */
  include?: readonly string[];
  exclude?: readonly string[];
  maxFileSize: number;
}

export interface ScanRoot {
  uri: URI;
  kind: RootKind;
  include: GlobMatcher;
  exclude: GlobMatcher;
  maxFileSize: number;
}

/** A URI's path with a Windows drive letter in lower case (`/C:/x` and `/c:/x` are one place). */
function comparablePath(uri: URI): string {
  return uri.path.replace(/^\/([A-Za-z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`);
}

/** `target`'s path below `root`, `/`-separated; '' for the root itself; undefined when outside it. */
export function relativeUriPath(root: URI, target: URI): string | undefined {
  if (root.scheme !== target.scheme || root.authority.toLowerCase() !== target.authority.toLowerCase())
    return undefined;
  const base = comparablePath(root).replace(/\/+$/, '');
  const path = comparablePath(target);
  if (path === base) return '';
  if (!path.startsWith(`${base}/`)) return undefined;
  return path.slice(base.length + 1);
}

/** The path the inventory files a URI under: the OS path for `file:` URIs (what people read), the URI otherwise. */
export function inventoryPathOf(uri: string | URI): string {
  const parsed = typeof uri === 'string' ? URI.parse(uri) : uri;
  return parsed.scheme === 'file' ? parsed.fsPath : parsed.toString();
}

function skippedSegment(relativePath: string): boolean {
  return relativePath.split('/').some((segment) => ALWAYS_SKIPPED_FOLDERS.includes(segment));
}

export class ScanScope {
  readonly roots: readonly ScanRoot[];

  constructor(options: readonly ScanRootOptions[]) {
    this.roots = options.map((root) => ({
      uri: URI.parse(root.uri),
      kind: root.kind,
      include: root.include ? compileGlobs(root.include) : () => true,
      exclude: compileGlobs(root.exclude ?? []),
      maxFileSize: root.maxFileSize,
    }));
  }

  /** Whether the walk enters a folder (given relative to its root). */
  entersFolder(root: ScanRoot, relativePath: string): boolean {
    return this.folderSkipReason(root, relativePath) === undefined;
  }

  /** Why the walk does not enter a folder, or undefined when it does. */
  folderSkipReason(root: ScanRoot, relativePath: string): string | undefined {
    if (relativePath === '') return undefined;
    if (skippedSegment(relativePath)) return `${ALWAYS_SKIPPED_FOLDERS.join(' and ')} are never read`;
    return root.exclude(relativePath) ? 'excluded by files.exclude' : undefined;
  }

  /** Whether a file below `root` is read. */
  readsFile(root: ScanRoot, relativePath: string): boolean {
    if (relativePath === '' || skippedSegment(relativePath) || !root.include(relativePath)) return false;
    // `files.exclude` may name a folder: everything below it is excluded too.
    const segments = relativePath.split('/');
    for (let length = 1; length <= segments.length; length++)
      if (root.exclude(segments.slice(0, length).join('/'))) return false;
    return true;
  }

  /** The first root that reads the file at `uri`, or undefined when no root does. */
  rootReading(uri: string | URI): ScanRoot | undefined {
    const target = typeof uri === 'string' ? URI.parse(uri) : uri;
    for (const root of this.roots) {
      const relative = relativeUriPath(root.uri, target);
      if (relative !== undefined && this.readsFile(root, relative)) return root;
    }
    return undefined;
  }

  /** Whether `uri` is at or below one of the roots (a deleted folder's files go with it). */
  contains(uri: string | URI): boolean {
    const target = typeof uri === 'string' ? URI.parse(uri) : uri;
    return this.roots.some((root) => relativeUriPath(root.uri, target) !== undefined);
  }
}
