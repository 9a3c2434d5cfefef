// dist/server.js, what every client spawns (the VS Code client, bin/renew-revocation-language-server,
// the bench, the tests): it runs the language server bundle dist/server-main.js (built from
// serverMain.ts) as Node would, but compiled through a V8 code cache (codeCache.ts), which takes
// the parse and compile of the bundle off every start but the first. Kept tiny: it is itself
// compiled at every start.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { codeCacheFile, codeCacheFileName, codeCacheFolder, type CodeCacheFile } from './codeCache';

/** The SHA-256 of dist/server-main.js, written in by scripts/build.mjs, which builds the two together. */
declare const SERVER_MAIN_HASH: string | undefined;

/**
 * When a missing or rejected cache is written: by then start-up, the first validations and the
 * first requests have compiled what they need (a server that stops sooner writes at its exit).
 * Later, and more of the code would be cached than a start needs.
 */
const WRITE_AFTER_MS = 3000;

function openCache(sourceLength: number): CodeCacheFile | undefined {
  try {
    const hash = typeof SERVER_MAIN_HASH === 'string' ? SERVER_MAIN_HASH : undefined;
    const folder = codeCacheFolder(process.argv, process.env, process.platform, homedir());
    if (!hash || !folder) return undefined;
    return codeCacheFile(folder, codeCacheFileName(hash, sourceLength, process.versions.v8, process.arch));
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

const mainPath = join(__dirname, 'server-main.js');
const source = readFileSync(mainPath, 'utf8');
const cache = openCache(source.length);
const cachedData = cache?.read();
// The wrapper is Node's own for CommonJS, on a line of its own so that the bundle's lines and
// columns (stack traces, CPU profiles, source maps) stay exactly those of the file.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
  filename: mainPath,
  lineOffset: -1,
  cachedData,
});
if (cache && (!cachedData || script.cachedDataRejected)) writeLater(cache, script);

const mainModule = new Module(mainPath, module);
mainModule.filename = mainPath;
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(mainModule.exports, mainModule.exports, createRequire(mainPath), mainModule, mainPath, dirname(mainPath));
mainModule.loaded = true;
