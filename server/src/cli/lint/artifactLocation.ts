// SARIF artifact locations: a file under the current folder is a relative URI (forward slashes,
// each segment percent-encoded) against `%SRCROOT%`, which is how code-scanning services map
// results to the repository; a file elsewhere gets its absolute file: URI.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SRCROOT = '%SRCROOT%';

export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

export function artifactLocation(path: string, cwd: string): ArtifactLocation {
  const absolute = resolve(cwd, path);
  const fromRoot = relative(cwd, absolute);
  // `..` (outside the folder) or an absolute result (another drive on Windows) cannot hang off %SRCROOT%.
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) {
    return { uri: pathToFileURL(absolute).href };
  }
  return { uri: fromRoot.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The `originalUriBaseIds` entry: the current folder as a file: URI ending in `/`. */
export function sourceRoot(cwd: string): Record<string, { uri: string }> {
  const href = pathToFileURL(resolve(cwd)).href;
  return { [SRCROOT]: { uri: href.endsWith('/') ? href : `${href}/` } };
}
