// dist/server.js, what every client spawns (the VS Code client, bin/renew-revocation-language-server,
// the bench, the tests): it runs the language server bundle dist/server-main.js (built from
// serverMain.ts) as Node would, but compiled through a V8 code cache (codeCache.ts), which takes
// the parse and compile of the bundle off every start but the first; so is dist/x509-library.js,
// which the server requires on its first full certificate decode. Kept tiny: it is itself
// compiled at every start.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheFile, codeCacheFolder, type CodeCacheFile } from './codeCache';

/** The SHA-256 of each bundle run here, written in by scripts/build.mjs, which builds them together. */
declare const BUNDLE_HASHES: Record<string, string> | undefined;

/** The bundles a bundle requires that run through the cache too: the path it requires them with → their file in dist/. */
const CACHED_REQUIRES: Record<string, string> = { './x509-library.js': 'x509-library.js' };

/**
 * When a missing or rejected cache is written: by then start-up, the first validations and the
 * first requests have compiled what they need (a server that stops sooner writes at its exit).
 * Later, and more of the code would be cached than a start needs.
 */
const WRITE_AFTER_MS = 3000;

function openCache(bundle: string, sourceLength: number): CodeCacheFile | undefined {
  try {
    const hash = typeof BUNDLE_HASHES === 'object' ? BUNDLE_HASHES[bundle] : undefined;
    const folder = codeCacheFolder(process.argv, process.env, process.platform, homedir());
    if (!hash || !folder) return undefined;
    return codeCacheFile(folder, { bundle, hash, sourceLength, v8Version: process.versions.v8, arch: process.arch });
  } catch {
    return undefined;
  }
}

function writeLater(cache: CodeCacheFile, script: Script): void {
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      cache.write(script.createCachedData());
    } catch {
      // The next start compiles again.
    }
  };
  setTimeout(write, WRITE_AFTER_MS).unref();
  process.once('exit', write);
}

/** A bundle's `require`: Node's, but the bundles of CACHED_REQUIRES run through the cache (once). */
function bundleRequire(path: string): NodeJS.Require {
  const nodeRequire = createRequire(path);
  const loaded = new Map<string, unknown>();
  const required = (id: string): unknown => {
    const file = CACHED_REQUIRES[id];
    if (file === undefined) return nodeRequire(id);
    if (!loaded.has(file)) loaded.set(file, runBundle(file));
    return loaded.get(file);
  };
  return Object.assign(required, nodeRequire);
}

/** Runs a bundle of dist/ as a CommonJS module (Node's own wrapper, on a line of its own so that lines and columns stay the file's) and returns its exports. */
function runBundle(file: string): unknown {
  const path = join(__dirname, file);
  const source = readFileSync(path, 'utf8');
  const cache = openCache(file.replace(/\.js$/, ''), source.length);
  const cachedData = cache?.read();
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: path,
    lineOffset: -1,
    cachedData,
  });
  if (cache && (!cachedData || script.cachedDataRejected)) writeLater(cache, script);
  const bundleModule = new Module(path, module);
  bundleModule.filename = path;
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(bundleModule.exports, bundleModule.exports, bundleRequire(path), bundleModule, path, dirname(path));
  bundleModule.loaded = true;
  return bundleModule.exports;
}

runBundle('server-main.js');
