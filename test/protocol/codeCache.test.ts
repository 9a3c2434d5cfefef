// The built server started as the VS Code client starts it, with a code cache folder: the first
// start writes the caches of the server bundle and of the certificate decoder (a bundle of its
// own, required on the first full decode, here a hover on a PEM file), the next start runs from
// them (and leaves them alone), and a cache that is garbage or cannot be written never keeps the
// server from answering.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { codeCacheFileName } from '../../server/src/node/codeCache';
import { codeCacheArgument } from '../../server/src/protocol';
import { fileUri, readRepoFile, repoRoot, SERVER_PATH, startForTest } from './lspClient';

const MANIFEST = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec: [a, b\n';

function cacheFolder(t: { after(fn: () => void): void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'rr-server-cache-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

/** Starts the server with this cache folder, checks a manifest and a certificate hover, and stops it in order. */
async function startCheckAndStop(t: { after(fn: () => void): void }, folder: string): Promise<void> {
  const client = await startForTest(t, {
    command: { file: process.execPath, args: [SERVER_PATH, codeCacheArgument(folder), '--stdio'] },
  });
  const uri = fileUri('cached-start.yaml');
  await client.open(uri, MANIFEST);
  const published = await client.waitForDiagnostics(uri);
  assert.deepEqual(
    published.diagnostics.map((d) => d.code),
    ['yaml-syntax'],
  );

  const certificate = 'test/fixtures/pki/leaf-server.crt';
  await client.open(fileUri(certificate), readRepoFile(certificate), 'pem');
  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri: fileUri(certificate) },
    position: { line: 4, character: 3 },
  });
  assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents);
  assert.match(hover.contents.value, /^\*\*Certificate\*\* `kube-apiserver` — valid/);
  assert.equal(await client.shutdown(), 0);
}

/** The names the server gives the caches of the bundles built in dist/ on this Node. */
function expectedCacheName(bundle: 'server-main' | 'x509-library'): string {
  const code = readFileSync(join(repoRoot(), 'dist', `${bundle}.js`));
  const hash = createHash('sha256').update(code).digest('hex');
  return codeCacheFileName({
    bundle,
    hash,
    sourceLength: code.toString('utf8').length,
    v8Version: process.versions.v8,
    arch: process.arch,
  });
}

const EXPECTED_FILES = () => [expectedCacheName('server-main'), expectedCacheName('x509-library')].sort();

test("the first start writes the code caches (the certificate decoder's too); the next start runs from them without writing them again", async (t) => {
  const folder = cacheFolder(t);
  await startCheckAndStop(t, folder);
  assert.deepEqual(readdirSync(folder).sort(), EXPECTED_FILES());
  const written = new Map(
    readdirSync(folder).map((name) => [
      name,
      { bytes: readFileSync(join(folder, name)), at: statSync(join(folder, name)).mtimeMs },
    ]),
  );
  for (const [name, { bytes }] of written)
    assert.ok(bytes.length > 50_000, `${name}: a cache of the compiled bundle (${bytes.length} bytes)`);

  await startCheckAndStop(t, folder);
  assert.deepEqual(readdirSync(folder).sort(), EXPECTED_FILES());
  for (const [name, { bytes, at }] of written) {
    assert.equal(statSync(join(folder, name)).mtimeMs, at, `V8 accepted ${name}: the second start did not replace it`);
    assert.ok(readFileSync(join(folder, name)).equals(bytes));
  }
});

test('a garbage cache is rejected quietly and replaced; the server answers as always', async (t) => {
  const folder = cacheFolder(t);
  const name = expectedCacheName('server-main');
  writeFileSync(join(folder, name), 'not a V8 code cache');
  writeFileSync(join(folder, 'server-main-of-an-older-build.v8cache'), 'stale');
  await startCheckAndStop(t, folder);
  assert.deepEqual(readdirSync(folder).sort(), EXPECTED_FILES());
  assert.ok(statSync(join(folder, name)).size > 100_000);
});

test('a cache folder that cannot be made is no error', async (t) => {
  const folder = cacheFolder(t);
  const blocker = join(folder, 'not-a-folder');
  writeFileSync(blocker, 'a file where the cache folder should be');
  await startCheckAndStop(t, blocker);
  assert.equal(readFileSync(blocker, 'utf8'), 'a file where the cache folder should be');
});
