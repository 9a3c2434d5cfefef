// A V8 code cache for the server's bundles (Node 20 has no module.enableCompileCache): the
// compiled code of one start is kept on disk, and the next start of the same bundle on the same V8
// takes it instead of parsing and compiling half a megabyte of JavaScript again. It is only ever
// an optimisation: a cache that is missing, unreadable, unwritable or rejected by V8 (another V8,
// other flags) costs nothing but the compile it would have saved, and never stops the server.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_CACHE_DIR_FLAG } from '../protocol/serverLaunch';

const SUFFIX = '.v8cache';

/**
 * The folder for the cache: the one named on the command line (`--code-cache-dir=PATH`; empty: no
 * cache), else the user's own cache folder (never one shared between users: a code cache is code
 * this process would run).
 */
export function codeCacheFolder(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string | undefined {
  const named = argv.find((arg) => arg.startsWith(CODE_CACHE_DIR_FLAG))?.slice(CODE_CACHE_DIR_FLAG.length);
  if (named !== undefined) return named === '' ? undefined : named;
  if (platform === 'win32')
    return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'renew-revocation', 'code-cache') : undefined;
  if (!home) return undefined;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'renew-revocation', 'code-cache');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'renew-revocation', 'code-cache');
}

/** What one cache belongs to: a bundle as built (V8 itself checks only the length of the source) and the V8 that compiled it. */
export interface CodeCacheKey {
  /** The bundle's name in dist/: `server-main`, `x509-library`. */
  bundle: string;
  /** The SHA-256 of the bundle, from the build. */
  hash: string;
  sourceLength: number;
  /** Node's or Electron's V8. */
  v8Version: string;
  arch: string;
}

const safe = (part: string) => part.replace(/[^A-Za-z0-9._-]+/g, '_');

export function codeCacheFileName(key: CodeCacheKey): string {
  return `${safe(key.bundle)}-${safe(key.hash)}-${key.sourceLength}-${safe(key.v8Version)}-${safe(key.arch)}${SUFFIX}`;
}

export interface CodeCacheFile {
  /** The cached data, or undefined when there is none (or it cannot be read). */
  read(): Buffer | undefined;
  /** Writes the data (atomically: a server starting meanwhile reads the old file or the new one) and removes the bundle's caches of other builds. */
  write(data: Buffer): void;
}

export function codeCacheFile(folder: string, key: CodeCacheKey): CodeCacheFile {
  const name = codeCacheFileName(key);
  const path = join(folder, name);
  return {
    read() {
      try {
        return readFileSync(path);
      } catch {
        return undefined;
      }
    },
    write(data) {
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        writeFileSync(temporary, data, { mode: 0o600 });
        renameSync(temporary, path);
      } catch {
        removeQuietly(temporary);
        return;
      }
      removeOtherCaches(folder, `${safe(key.bundle)}-`, name);
    },
  };
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing there to remove, or not ours to remove.
  }
}

/** Caches of earlier builds (and temporary files a killed server left) would only fill the folder. */
function removeOtherCaches(folder: string, prefix: string, keep: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (name !== keep && name.startsWith(prefix) && (name.endsWith(SUFFIX) || name.endsWith('.tmp')))
        removeQuietly(join(folder, name));
    }
  } catch {
    // Another server may be cleaning up at the same time; what is left goes next time.
  }
}
