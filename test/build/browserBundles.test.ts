// The browser bundles hold no Node module (scripts/browser-bundles.mjs): the check passes the
// real bundles as built, and fails a bundle that takes in a Node built-in or a Node-only build.
import assert from 'node:assert/strict';
import { build, type BuildOptions } from 'esbuild';
import { test } from 'node:test';
import { findRoot } from '../robustness/repoRoot';
// @ts-expect-error: a build script in plain JavaScript, without type declarations.
import { BROWSER_BUNDLES, nodeModulesIn } from '../../scripts/browser-bundles.mjs';

const ROOT = findRoot();

interface BundleSpec {
  entry: string;
  format: 'cjs' | 'iife';
  external: string[];
}

async function metafileOf(
  input: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
  external: string[],
  platform: 'browser' | 'node' = 'browser',
) {
  const result = await build({
    ...input,
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform,
    format: 'cjs',
    external,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

test('the extension browser entry and its server worker hold no Node module', async () => {
  for (const [name, spec] of Object.entries(BROWSER_BUNDLES as Record<string, BundleSpec>)) {
    assert.deepEqual(
      nodeModulesIn(await metafileOf({ entryPoints: [spec.entry] }, spec.external), spec.external),
      [],
      name,
    );
  }
});

test('a Node built-in or the Node build of the LSP server is named', async () => {
  const contents = "import 'node:fs';\nimport 'vscode-languageserver/node';\n";
  const found: string[] = nodeModulesIn(await metafileOf({ stdin: { contents, resolveDir: ROOT } }, [], 'node'), []);
  assert.ok(
    found.some((line) =>
      /^node_modules\/vscode-languageserver\/lib\/node\/main\.js \(a Node-only module\)$/.test(line),
    ),
    found.join('\n'),
  );
  assert.ok(
    found.some((line) => /^<stdin> imports node:fs \(a Node built-in\)$/.test(line)),
    found.join('\n'),
  );
});
