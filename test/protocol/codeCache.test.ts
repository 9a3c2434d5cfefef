// The built server started as the VS Code client starts it, with a code cache folder: the first
// start writes the cache, the next one runs from it (and leaves it alone), and a cache that is
// garbage or cannot be written never keeps the server from answering, certificates included
// (their decoder is a bundle of its own, required on first use).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { codeCacheFileName } from '../../server/src/node/codeCache';
import { codeCacheArgument } from '../../server/src/node/codeCacheFlag';
import { fileUri, readRepoFile, repoRoot, SERVER_PATH, startForTest } from './lspClient';

const MANIFEST = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec: [a, b\n';

function cacheFolder(t: { after(fn: () => void): void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'rr-server-cache-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Starts the server with this cache folder, checks a manifest and a certificate hover, and stops it in order. */
async function startCheckAndStop(t: { after(fn: () => void): void }, folder: string): Promise<void> {
  const client = await startForTest(t, { command: { file: process.execPath, args: [SERVER_PATH, codeCacheArgument(folder), '--stdio'] } });
  const uri = fileUri('cached-start.yaml');
  await client.open(uri, MANIFEST);
  const published = await client.waitForDiagnostics(uri);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['yaml-syntax']);

  const certificate = 'test/fixtures/pki/leaf-server.crt';
  await client.open(fileUri(certificate), readRepoFile(certificate), 'pem');
  const hover = await client.request<Hover | null>(HoverRequest.method, { textDocument: { uri: fileUri(certificate) }, position: { line: 4, character: 3 } });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  assert.match(hover.contents.value, /^\*\*Certificate\*\* `kube-apiserver` — valid/);
  assert.equal(await client.shutdown(), 0);
}

/** The name the server gives the cache of the bundle built in dist/ on this Node. */
function expectedCacheName(): string {
  const main = readFileSync(join(repoRoot(), 'dist', 'server-main.js'));
  return codeCacheFileName(createHash('sha256').update(main).digest('hex'), main.toString('utf8').length, process.versions.v8, process.arch);
}

test('the first start writes the code cache; the next start runs from it without writing it again', async (t) => {
  const folder = cacheFolder(t);
  await startCheckAndStop(t, folder);
  const name = expectedCacheName();
  assert.deepEqual(readdirSync(folder), [name]);
  const written = readFileSync(join(folder, name));
  const writtenAt = statSync(join(folder, name)).mtimeMs;
  assert.ok(written.length > 100_000, `a cache of the compiled bundle (${written.length} bytes)`);

  await startCheckAndStop(t, folder);
  assert.deepEqual(readdirSync(folder), [name]);
  assert.equal(statSync(join(folder, name)).mtimeMs, writtenAt, 'V8 accepted the cache: the second start did not replace it');
  assert.ok(readFileSync(join(folder, name)).equals(written));
});

test('a garbage cache is rejected quietly and replaced; the server answers as always', async (t) => {
  const folder = cacheFolder(t);
  const name = expectedCacheName();
  writeFileSync(join(folder, name), 'not a V8 code cache');
  writeFileSync(join(folder, 'server-main-of-an-older-build.v8cache'), 'stale');
  await startCheckAndStop(t, folder);
  assert.deepEqual(readdirSync(folder), [name]);
  assert.ok(statSync(join(folder, name)).size > 100_000);
});

test('a cache folder that cannot be made is no error', async (t) => {
  const folder = cacheFolder(t);
  const blocker = join(folder, 'not-a-folder');
  writeFileSync(blocker, 'a file where the cache folder should be');
  await startCheckAndStop(t, blocker);
  assert.equal(readFileSync(blocker, 'utf8'), 'a file where the cache folder should be');
});
