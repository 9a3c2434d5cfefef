// Which folders of `renewRevocation.certificatePaths` the inventory may read, given whether the
// workspace is trusted and which folders it has open (the README, "The revocation preview"; package.json declares the
// setting restricted). Trusted: every folder named, absolute or relative to the first workspace
// folder. Untrusted (restricted mode): only folders inside an open workspace folder, whose files
// the workspace shows anyway; anything else (`/etc/kubernetes/pki`, `C:\AksHci\pki`, a share,
// `../../home/me/.ssh`) is ignored with the reason. Pure: paths are resolved as text and URIs
// (vscode-uri), never by the file system, so symbolic links are the reader's to refuse.
import { URI } from 'vscode-uri';

export interface CertificatePathContext {
  trusted: boolean;
  /** The workspace folders, as URIs (`file:///home/me/cluster`, `file:///c%3A/work`). */
  workspaceFolders: readonly string[];
  /** Why folders outside the workspace cannot be read at all, trusted or not (a browser host); undefined where they can. */
  outsideWorkspace?: string;
}

export type CertificatePathDecision =
  { path: string; readable: true; uri: string } | { path: string; readable: false; reason: string };

const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;
const WINDOWS_UNC = /^[\\/]{2}[^\\/]+[\\/]+[^\\/]+/;

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || WINDOWS_DRIVE.test(path) || WINDOWS_UNC.test(path);
}

/** `a/./b/../c` → `a/c`; `..` never climbs above the root (a URI path has nothing above `/`). */
function normalizeSegments(segments: readonly string[]): string[] {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/**
 * An absolute path as a `file:` URI, whatever the platform we run on (a Windows path is read the
 * Windows way on Linux too: a test, or a server reading a Windows client's settings).
 */
function absoluteUri(path: string): URI {
  if (WINDOWS_UNC.test(path)) {
    const [authority, ...segments] = path.split(/[\\/]+/).filter((segment) => segment !== '');
    return URI.from({ scheme: 'file', authority, path: `/${normalizeSegments(segments).join('/')}` });
  }
  if (WINDOWS_DRIVE.test(path)) {
    const [drive, ...segments] = path.split(/[\\/]+/);
    return URI.from({ scheme: 'file', path: `/${drive.toLowerCase()}/${normalizeSegments(segments).join('/')}` });
  }
  return URI.from({ scheme: 'file', path: `/${normalizeSegments(path.split('/')).join('/')}` });
}

/** A URI with its path normalised, or undefined for a relative path without a folder. */
function resolve(path: string, base: URI | undefined): URI | undefined {
  if (isAbsolute(path)) return absoluteUri(path);
  if (!base) return undefined;
  const basePath = base.path.replace(/\/+$/, '');
  const drive = /^\/[A-Za-z]:/.exec(basePath)?.[0] ?? '';
  const joined = [...basePath.slice(drive.length).split('/'), ...path.split(/[\\/]+/)];
  return base.with({ path: `${drive}/${normalizeSegments(joined).join('/')}` });
}

/** Windows paths (a drive letter, or a UNC share) compare without case, as Windows does. */
function comparable(uri: URI): string {
  const windows = /^\/[A-Za-z]:/.test(uri.path) || uri.authority !== '';
  const text = `${uri.scheme}://${uri.authority}${uri.path.replace(/\/+$/, '')}`;
  return windows ? text.toLowerCase() : text;
}

function isInside(folder: URI, target: URI): boolean {
  const root = comparable(folder);
  const path = comparable(target);
  return path === root || path.startsWith(`${root}/`);
}

export function decideCertificatePaths(
  paths: readonly string[],
  context: CertificatePathContext,
): CertificatePathDecision[] {
  const folders = context.workspaceFolders.map((folder) => {
    const uri = URI.parse(folder);
    return uri.with({ path: `/${normalizeSegments(uri.path.split('/')).join('/')}` });
  });
  return paths.map((path): CertificatePathDecision => {
    const uri = resolve(path.trim(), folders[0]);
    if (!uri) return { path, readable: false, reason: `${path} is relative and no folder is open` };
    if (folders.some((folder) => isInside(folder, uri))) return { path, readable: true, uri: uri.toString() };
    if (context.outsideWorkspace)
      return { path, readable: false, reason: `${path} is outside the workspace, and ${context.outsideWorkspace}` };
    if (context.trusted) return { path, readable: true, uri: uri.toString() };
    return {
      path,
      readable: false,
      reason: `${path} is outside the workspace, and the workspace is not trusted (restricted mode)`,
    };
  });
}
