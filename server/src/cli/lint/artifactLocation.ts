// SARIF artifact locations: a file under the current folder is a relative URI (forward slashes,
// each segment percent-encoded) against `%SRCROOT%`, which is how code-scanning services map
// results to the repository; a file elsewhere gets its absolute file: URI; standard input only a
// description. The path functions are
// a parameter so that the Windows behaviour (backslashes, drives, UNC shares) is tested anywhere.
import nodePath, { type PlatformPath } from 'node:path';
import { STDIN_NAME } from '../standardInput';

export const SRCROOT = '%SRCROOT%';

export interface ArtifactLocation {
  uri?: string;
  uriBaseId?: string;
  description?: { text: string };
}

/** An absolute path as a file: URI (`file:///C:/x/a.yaml`, `file://server/share/a.yaml`, `file:///home/a.yaml`). */
export function fileUri(absolute: string, path: PlatformPath = nodePath): string {
  const slashed = path.sep === '\\' ? absolute.replace(/\\/g, '/') : absolute;
  // In an absolute URI path a colon is plain data (the drive of `C:`), so it stays readable.
  const encode = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ':');
  if (slashed.startsWith('//')) {
    const [host, ...rest] = slashed.slice(2).split('/');
    return `file://${host}/${rest.map(encode).join('/')}`;
  }
  const rooted = slashed.startsWith('/') ? slashed : `/${slashed}`;
  return `file://${rooted.split('/').map(encode).join('/')}`;
}

export function artifactLocation(file: string, cwd: string, path: PlatformPath = nodePath): ArtifactLocation {
  // Standard input has no URI: a made-up one would name a file that may exist.
  if (file === STDIN_NAME) return { description: { text: STDIN_NAME } };
  const absolute = path.resolve(cwd, file);
  const fromRoot = path.relative(cwd, absolute);
  // `..` (outside the folder) or an absolute result (another drive on Windows) cannot hang off %SRCROOT%.
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return { uri: fileUri(absolute, path) };
  }
  return { uri: fromRoot.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The `originalUriBaseIds` entry: the current folder as a file: URI ending in `/`. */
export function sourceRoot(cwd: string, path: PlatformPath = nodePath): Record<string, { uri: string }> {
  const href = fileUri(path.resolve(cwd), path);
  return { [SRCROOT]: { uri: href.endsWith('/') ? href : `${href}/` } };
}
