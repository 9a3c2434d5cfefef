// One build for everything: the schema validator, the bundles (client, server, CLI), the test
// bundles, and a type check (the Node code, and the preview webview's script). Flags:
// --production (minified, no source maps), --quiet, --no-typecheck, --no-tests.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBrowserBundles } from './browser-bundles.mjs';
import { compileSchema } from './compile-schema.mjs';
import { buildWebEditorTests } from './web-editor-tests.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const quiet = args.has('--quiet');
const log = (message) => {
  if (!quiet) console.log(message);
};

function findFiles(dir, test) {
  const found = [];
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'fixtures' && !name.startsWith('.')) found.push(...findFiles(path, test));
    } else if (test(name)) found.push(path);
  }
  return found;
}

const started = Date.now();
compileSchema();

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Always minified: a smaller bundle compiles faster, and start-up to the first diagnostics is a
  // target (source maps, linked outside production, keep stack traces readable).
  minify: true,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  absWorkingDir: root,
};

// dist/server.js is the loader every client spawns; it runs dist/server-main.js (and, on first use,
// dist/x509-library.js) through a V8 code cache (server/src/node/serverLoader.ts), keyed by the
// hashes of the bundles built here.
const bundles = {
  client: 'client/src/extension.ts',
  'server-main': 'server/src/node/serverMain.ts',
  cli: 'server/src/cli/main.ts',
};
// The server and the CLI require the @peculiar/x509 stack on first use from a bundle of its own
// (see server/src/x509Library.ts): compiling it at every start-up would delay the first diagnostics.
const x509Library = {
  name: 'x509-library',
  setup(plugin) {
    plugin.onResolve({ filter: /^(@peculiar\/x509|reflect-metadata\/lite)$/ }, () => ({
      path: './x509-library.js',
      external: true,
    }));
  },
};
await Promise.all([
  ...Object.entries(bundles).map(([name, entry]) =>
    build({
      ...common,
      entryPoints: { [name]: entry },
      outdir: 'dist',
      external: name === 'client' ? ['vscode'] : [],
      plugins: name === 'client' ? [] : [x509Library],
    }),
  ),
  build({ ...common, entryPoints: { 'x509-library': 'server/src/x509Library.ts' }, outdir: 'dist' }),
  // The extension's "browser" entry and its server's web worker (scripts/browser-bundles.mjs).
  buildBrowserBundles(common),
]);
const bundleHashes = Object.fromEntries(
  ['server-main', 'x509-library'].map((name) => [
    name,
    createHash('sha256')
      .update(readFileSync(join(root, 'dist', `${name}.js`)))
      .digest('hex'),
  ]),
);
await build({
  ...common,
  entryPoints: { server: 'server/src/node/serverLoader.ts' },
  outdir: 'dist',
  define: { BUNDLE_HASHES: JSON.stringify(bundleHashes) },
});
log(`bundles built in ${Date.now() - started} ms`);

if (!args.has('--no-tests')) {
  const testEntries = findFiles(join(root, 'test'), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).map(
    (path) => relative(root, path),
  );
  const benchEntries = findFiles(join(root, 'bench'), (name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).map(
    (path) => relative(root, path),
  );
  await build({
    ...common,
    entryPoints: [...testEntries, ...benchEntries],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
    sourcemap: 'inline',
    minify: false,
    external: ['vscode'],
  });
  // Outputs are overwritten in place (deleting out/ would pull files from under a test run);
  // a test whose source is gone must not run again from a stale bundle.
  for (const built of findFiles(join(root, 'out'), (name) => name.endsWith('.js'))) {
    const source = relative(join(root, 'out'), built).replace(/\.js$/, '.ts');
    if (!existsSync(join(root, source))) rmSync(built, { force: true });
  }
  await buildWebEditorTests(common);
  log(`tests built (${testEntries.length} files)`);
}

if (!args.has('--no-typecheck')) {
  // The TypeScript projects: everything in Node, and the preview webview's script in the browser.
  for (const project of [root, join(root, 'client/webview')]) {
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project],
      { stdio: 'inherit' },
    );
    if (tsc.status !== 0) {
      console.error(`type check failed (${relative(root, project) || 'tsconfig.json'})`);
      process.exit(1);
    }
  }
  log('type check passed');
}
