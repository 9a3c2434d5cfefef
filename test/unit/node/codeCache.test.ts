// The server's V8 code cache files: which folder, which name, and that reading and writing never
// throw (a cache is an optimisation, never a reason not to start).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeCacheFile, codeCacheFileName, codeCacheFolder } from '../../../server/src/node/codeCache';
import { codeCacheArgument } from '../../../server/src/protocol';

function temporaryFolder(t: { after(fn: () => void): void }): string {
  const folder = mkdtempSync(join(tmpdir(), 'rr-code-cache-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}

test('the folder named on the command line wins; an empty one means no cache', () => {
  const argv = ['node', 'dist/server.js', codeCacheArgument('/storage/renew-revocation'), '--node-ipc'];
  assert.equal(codeCacheFolder(argv, {}, 'linux', '/home/ann'), '/storage/renew-revocation');
  assert.equal(
    codeCacheFolder(['node', 'dist/server.js', '--code-cache-dir=', '--stdio'], {}, 'linux', '/home/ann'),
    undefined,
  );
});

test("without one, the user's own cache folder of the platform", () => {
  const argv = ['node', 'dist/server.js', '--stdio'];
  assert.equal(codeCacheFolder(argv, {}, 'linux', '/home/ann'), '/home/ann/.cache/renew-revocation/code-cache');
  assert.equal(
    codeCacheFolder(argv, { XDG_CACHE_HOME: '/var/cache/ann' }, 'linux', '/home/ann'),
    '/var/cache/ann/renew-revocation/code-cache',
  );
  assert.equal(
    codeCacheFolder(argv, {}, 'darwin', '/Users/ann'),
    '/Users/ann/Library/Caches/renew-revocation/code-cache',
  );
  assert.equal(codeCacheFolder(argv, {}, 'linux', ''), undefined);
  assert.equal(codeCacheFolder(argv, {}, 'win32', 'C:\\Users\\ann'), undefined);
});

test('the file name changes with the bundle, its build, its length, the V8 version and the architecture', () => {
  const key = {
    bundle: 'server-main',
    hash: 'd7b8127a',
    sourceLength: 508837,
    v8Version: '11.3.244.8-node.38',
    arch: 'x64',
  };
  const name = codeCacheFileName(key);
  assert.equal(name, 'server-main-d7b8127a-508837-11.3.244.8-node.38-x64.v8cache');
  for (const change of [
    { bundle: 'x509-library' },
    { hash: 'd7b8127b' },
    { sourceLength: 508838 },
    { v8Version: '12.4.254.21-electron.0' },
    { arch: 'arm64' },
  ]) {
    assert.notEqual(codeCacheFileName({ ...key, ...change }), name, JSON.stringify(change));
  }
  assert.equal(
    codeCacheFileName({ bundle: 'b', hash: 'a/../b', sourceLength: 1, v8Version: '1 2', arch: 'x' }),
    'b-a_.._b-1-1_2-x.v8cache',
  );
});

test("a cache is written into a new folder, read back, and replaces its bundle's caches of other builds only", (t) => {
  const root = temporaryFolder(t);
  const folder = join(root, 'storage', 'nested');
  const key = (bundle: string, hash: string) => ({ bundle, hash, sourceLength: 10, v8Version: '11', arch: 'x64' });
  const old = codeCacheFile(folder, key('server-main', 'old'));
  assert.equal(old.read(), undefined);
  old.write(Buffer.from('old code'));
  codeCacheFile(folder, key('x509-library', 'same')).write(Buffer.from('library code'));
  writeFileSync(join(folder, 'notes.txt'), 'not ours');

  const current = codeCacheFile(folder, key('server-main', 'new'));
  current.write(Buffer.from('new code'));
  assert.equal(current.read()?.toString(), 'new code');
  assert.deepEqual(readdirSync(folder).sort(), [
    'notes.txt',
    'server-main-new-10-11-x64.v8cache',
    'x509-library-same-10-11-x64.v8cache',
  ]);
  if (process.platform !== 'win32') assert.equal(statSync(folder).mode & 0o777, 0o700);
});

test('an unwritable or unreadable place is no error: there is simply no cache', (t) => {
  const root = temporaryFolder(t);
  const blocker = join(root, 'a-file');
  writeFileSync(blocker, 'a file where the folder should be');
  const cache = codeCacheFile(join(blocker, 'cache'), {
    bundle: 'server-main',
    hash: 'h',
    sourceLength: 1,
    v8Version: '11',
    arch: 'x64',
  });
  assert.doesNotThrow(() => cache.write(Buffer.from('code')));
  assert.equal(cache.read(), undefined);
  assert.equal(readFileSync(blocker, 'utf8'), 'a file where the folder should be');
});
