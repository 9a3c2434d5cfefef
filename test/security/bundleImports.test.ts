// No network, no programs (docs/ARCHITECTURE.md, "Invariants"): the built bundles (dist/server.js and the dist/server-main.js
// it runs, dist/client.js, dist/cli.js) load none of Node's network or process modules and call no `fetch`, with the
// exceptions below, each explained. Node 20's permission model does not cover the network, so
// this reads the bundles themselves: every `require("…")` of a forbidden module in them, and which
// bundled source file asks for it (from esbuild's metafile for the same entry points).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { findRoot } from '../robustness/repoRoot';

const ROOT = findRoot();

/** The entry points of scripts/build.mjs's bundles. */
const BUNDLES = {
  // dist/server.js is the loader that runs dist/server-main.js through a code cache.
  server: 'server/src/node/serverLoader.ts',
  'server-main': 'server/src/node/serverMain.ts',
  client: 'client/src/extension.ts',
  cli: 'server/src/cli/main.ts',
} as const;
type Bundle = keyof typeof BUNDLES;

const FORBIDDEN = ['net', 'http', 'https', 'http2', 'tls', 'dgram', 'child_process', 'cluster', 'worker_threads'];

/**
 * Where a forbidden module may be required, and why that is no network connection and no
 * program run. Anything else fails the test.
 */
const ALLOWED: Record<Bundle, Record<string, Record<string, string>>> = {
  server: {},
  'server-main': {
    net: {
      'node_modules/vscode-jsonrpc/lib/node/main.js':
        "The JSON-RPC library's socket and named-pipe transports (`--socket=N`, `--pipe`). We start the server with --stdio (bin/renew-revocation-language-server) or over Node IPC (the VS Code client): no socket is opened.",
    },
    child_process: {
      'node_modules/vscode-languageserver/lib/node/files.js':
        '`Files.resolveGlobalNodePath`/`resolveGlobalYarnPath`/`resolveModulePath` (they run npm or yarn to find global modules). The server never calls them (no `Files.` in server/src); the permission-model test runs the server where starting a process is refused.',
    },
  },
  client: {
    net: {
      'node_modules/vscode-jsonrpc/lib/node/main.js':
        'The same transports on the client side; the client talks to its server over Node IPC (TransportKind.ipc), not a socket.',
    },
    child_process: {
      'node_modules/vscode-languageclient/lib/node/main.js':
        "The language client starts the one program we run: our own bundled server (dist/server.js), forked with VS Code's own Node. That is how every language server extension works; the client starts nothing else.",
      'node_modules/vscode-languageclient/lib/node/processes.js':
        'Stopping that server: `taskkill` on Windows, or a shell killing the process tree of a server started `detached` (ours is not). Only our own server process is ever stopped.',
    },
  },
  cli: {},
};

/** Forbidden modules the built bundle requires, with how many times each is written. */
function requiredInBundle(bundle: Bundle): Map<string, number> {
  const code = readFileSync(join(ROOT, 'dist', `${bundle}.js`), 'utf8');
  const found = new Map<string, number>();
  for (const match of code.matchAll(/\b(?:require|import)\s*\(\s*["'](?:node:)?([a-z_0-9/]+)["']\s*\)/g)) {
    if (FORBIDDEN.includes(match[1])) found.set(match[1], (found.get(match[1]) ?? 0) + 1);
  }
  return found;
}

/** Forbidden modules each bundled source file imports, from esbuild's analysis of the same entry point. */
async function importersOf(bundle: Bundle): Promise<Map<string, Set<string>>> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [BUNDLES[bundle]],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    external: bundle === 'client' ? ['vscode'] : [],
  });
  const importers = new Map<string, Set<string>>();
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      const name = imported.path.replace(/^node:/, '');
      if (!imported.external || !FORBIDDEN.includes(name)) continue;
      if (!importers.has(name)) importers.set(name, new Set());
      importers.get(name)!.add(file);
    }
  }
  return importers;
}

for (const bundle of Object.keys(BUNDLES) as Bundle[]) {
  test(`dist/${bundle}.js requires no network or process module but the explained exceptions`, async () => {
    const inBundle = requiredInBundle(bundle);
    const importers = await importersOf(bundle);
    assert.deepEqual(
      [...inBundle.keys()].sort(),
      [...importers.keys()].sort(),
      'the built bundle and the analysis of its sources agree (rebuild if the bundle is stale)',
    );
    for (const [name, files] of importers) {
      for (const file of files) {
        const reason = ALLOWED[bundle][name]?.[file];
        assert.ok(reason, `dist/${bundle}.js: ${file} requires '${name}', which no exception explains`);
      }
    }
  });

  test(`dist/${bundle}.js calls no fetch and opens no web socket or XMLHttpRequest`, () => {
    const code = readFileSync(join(ROOT, 'dist', `${bundle}.js`), 'utf8');
    assert.deepEqual(code.match(/\bfetch\s*\(|\bXMLHttpRequest\b|\bnew\s+WebSocket\b|\bEventSource\b/g) ?? [], []);
  });
}

test('the command line needs no exception at all', () => {
  assert.deepEqual(ALLOWED.cli, {});
  assert.deepEqual([...requiredInBundle('cli').keys()], []);
});

test('the server never calls the library functions that would start npm or yarn', () => {
  const walk = (folder: string): string[] =>
    readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(`${folder}/${entry.name}`)
        : entry.name.endsWith('.ts')
          ? [`${folder}/${entry.name}`]
          : [],
    );
  const sources = walk('server/src');
  assert.ok(sources.length > 50);
  for (const path of sources)
    assert.doesNotMatch(
      readFileSync(join(ROOT, path), 'utf8'),
      /\bFiles\.|resolveGlobal(Node|Yarn)Path|resolveModulePath/,
      path,
    );
});
