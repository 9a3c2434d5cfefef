// The extension-host tests for the browser's web-worker extension host (test/editor/web/index.ts)
// as one CommonJS bundle a worker can run: mocha's browser build inside, and node:assert/strict
// answered by test/editor/web/assert.ts (a worker has no Node built-ins). The runner
// (test/editor/runInCodeServer.mjs) copies it into the installed extension, whose host runs it.
import { build } from 'esbuild';
import { nodeModulesIn } from './browser-bundles.mjs';

export const WEB_EDITOR_TESTS_BUNDLE = 'out/test/editor/web/bundle.js';

export async function buildWebEditorTests(common) {
  const result = await build({
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    entryPoints: ['test/editor/web/index.ts'],
    outfile: WEB_EDITOR_TESTS_BUNDLE,
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
