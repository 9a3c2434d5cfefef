// The extension-host tests for the browser's web-worker extension host (test/editor/web/index.ts)
// and the diagnostics timing (test/editor/timing/index.ts), each as one CommonJS bundle a worker
// can run: mocha's browser build inside, and node:assert/strict answered by
// test/editor/web/assert.ts (a worker has no Node built-ins). The runners
// (test/editor/webWorkerRun.mjs, diagnosticsTiming.mjs) copy them into the installed extension,
// whose host runs them.
import { build } from 'esbuild';
import { nodeModulesIn } from './browser-bundles.mjs';

export const WEB_EDITOR_TESTS_BUNDLE = 'out/test/editor/web/bundle.js';
/** The diagnostics timing of test/editor/timing, for either extension host. */
export const TIMING_BUNDLE = 'out/test/editor/timing/bundle.js';

export async function buildWebEditorTests(common) {
  await Promise.all([
    buildForWorker(common, 'test/editor/web/index.ts', WEB_EDITOR_TESTS_BUNDLE),
    buildForWorker(common, 'test/editor/timing/index.ts', TIMING_BUNDLE),
  ]);
}

async function buildForWorker(common, entry, outfile) {
  const result = await build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    entryPoints: [entry],
    outfile,
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/editor/web/assert.ts' },
    minify: false,
    sourcemap: 'inline',
    metafile: true,
  });
  const problems = nodeModulesIn(result.metafile, ['vscode']);
  if (problems.length > 0)
    throw new Error(
      `${WEB_EDITOR_TESTS_BUNDLE} must run in a web worker, but holds Node modules:\n  ${problems.join('\n  ')}`,
    );
}
