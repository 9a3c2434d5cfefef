// What the .vsix ships (`vsce ls`, as `npm run package` would pack it): every bundle the installed
// extension runs, following the files each bundle names (the client starts dist/server.js, which
// runs dist/server-main.js, which requires dist/x509-library.js on the first certificate decode).
// A bundle left out of .vscodeignore would only fail on a user's machine.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { findRoot } from '../robustness/repoRoot';

const ROOT = findRoot();

/** dist/*.js files that a bundle names in a string literal (`require("./x.js")`, `join(__dirname, "x.js")`, `asAbsolutePath("dist/x.js")`). */
function bundlesNamedIn(file: string): string[] {
  const code = readFileSync(join(ROOT, file), 'utf8');
  const named = new Set<string>();
  for (const match of code.matchAll(/["'`](?:\.\/|dist\/)?([\w.-]+\.js)["'`]/g)) {
    if (existsSync(join(ROOT, 'dist', match[1]))) named.add(`dist/${match[1]}`);
  }
  return [...named];
}

/** The files `npm run package` would pack (`vsce ls`). */
function packedFiles(): string[] {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  return execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim());
}

/** The main bundle and every bundle it leads to. */
function bundlesTheExtensionRuns(): string[] {
  const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main.replace(
    /^\.\//,
    '',
  );
  const found = new Set([main]);
  for (const file of found) for (const next of bundlesNamedIn(file)) found.add(next);
  return [...found].sort();
}

test('the package holds every bundle the extension runs, the lazily required ones included', () => {
  const bundles = bundlesTheExtensionRuns();
  assert.deepEqual(bundles, ['dist/client.js', 'dist/server-main.js', 'dist/server.js', 'dist/x509-library.js']);
  const packed = new Set(packedFiles());
  for (const bundle of bundles) assert.ok(packed.has(bundle), `${bundle} is in the package`);
  assert.ok(![...packed].some((file) => file.endsWith('.map')), 'no source map ships');
});

test('the package holds the browser entry and the web worker server it starts', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string };
  assert.equal(manifest.browser, './dist/browser/client.js');
  assert.match(readFileSync(join(ROOT, 'dist', 'browser', 'client.js'), 'utf8'), /"dist","browser","server\.js"/);
  const packed = packedFiles();
  for (const bundle of ['dist/browser/client.js', 'dist/browser/server.js'])
    assert.ok(packed.includes(bundle), `${bundle} is in the package`);
});
