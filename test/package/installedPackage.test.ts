// The npm package as a user gets it: `npm pack` (its prepack build) of the working tree, then
// `npm install -g` of the tarball into a temporary prefix, offline and with an empty npm cache
// (the bundles carry every dependency, so nothing is fetched), and the installed commands run:
// `renew-revocation lint`, the language server over stdio, the kubectl plugin, and `npx` of the
// tarball. The tarball holds exactly the files the commands need: no tests, fixtures or keys.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { LspTestClient } from '../protocol/lspClient';
import { LEAKED_LINT_TEXT, LEAKED_MANIFEST } from './leakedManifest';
import { npmEnv, packWorkingTree, tarballFiles, type PackedPackage } from './packedPackage';
import { kubectlMissing, pathWith } from './systemPath';

let packed: PackedPackage;
let prefix: string;
let work: string;
let cache: string;

before(() => {
  packed = packWorkingTree();
  prefix = join(packed.folder, 'prefix');
  cache = join(packed.folder, 'npm-cache');
  work = join(packed.folder, 'work');
  mkdirSync(work);
  writeFileSync(join(work, 'leaked.yaml'), LEAKED_MANIFEST);
  const started = Date.now();
  const install = spawnSync(
    'npm',
    ['install', '--global', '--offline', '--prefix', prefix, '--cache', cache, packed.tarball],
    { env: npmEnv(), encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(install.status, 0, `npm install -g of the tarball:\n${install.stdout}\n${install.stderr}`);
  console.log(
    `npm pack (with the prepack build) took ${packed.packMs} ms; npm install -g of the tarball ${Date.now() - started} ms`,
  );
});
after(() => packed?.remove());

/** The environment of a user whose PATH starts with the install prefix's bin folder. */
function userEnv(): NodeJS.ProcessEnv {
  return { ...npmEnv(), PATH: pathWith(join(prefix, 'bin')) };
}

test('the tarball holds the commands, the bundles they load, the schema and the documents, nothing else', () => {
  assert.deepEqual(tarballFiles(packed.tarball), [
    'package/CHANGELOG.md',
    'package/LICENSE',
    'package/README.md',
    'package/bin/kubectl-renew_revocation.js',
    'package/bin/renew-revocation-language-server.js',
    'package/bin/renew-revocation.js',
    'package/dist/cli.js',
    'package/dist/server-main.js',
    'package/dist/server.js',
    'package/dist/x509-library.js',
    'package/package.json',
    'package/schemas/renewrevocation.schema.json',
  ]);
});

test('the installed renew-revocation lint reports the manifest problem with exit code 1', () => {
  const result = spawnSync('renew-revocation', ['lint', 'leaked.yaml'], {
    cwd: work,
    env: userEnv(),
    encoding: 'utf8',
  });
  assert.equal(result.stderr, '');
  assert.equal(result.stdout, LEAKED_LINT_TEXT);
  assert.equal(result.status, 1);
});

test('the installed renew-revocation --version prints the package version', () => {
  const result = spawnSync('renew-revocation', ['--version'], { cwd: work, env: userEnv(), encoding: 'utf8' });
  assert.deepEqual([result.status, result.stdout, result.stderr], [0, '0.1.0\n', '']);
});

test('the installed language server answers initialize over stdio and publishes the manifest problem', async () => {
  const client = await LspTestClient.start({
    command: { file: join(prefix, 'bin', 'renew-revocation-language-server'), args: ['--stdio'] },
  });
  try {
    assert.deepEqual(client.initializeResult?.serverInfo, {
      name: 'renew-revocation-language-server',
      version: '0.1.0',
    });
    const uri = 'file:///work/leaked.yaml';
    await client.open(uri, LEAKED_MANIFEST);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(
      published.diagnostics.map((diagnostic) => [
        diagnostic.code,
        diagnostic.range.start.line,
        diagnostic.range.start.character,
      ]),
      [['serial-invalid', 9, 18]],
    );
    assert.equal(await client.shutdown(), 0);
  } finally {
    client.dispose();
  }
});

test('kubectl finds the installed plugin and runs it', { skip: kubectlMissing() }, () => {
  const list = spawnSync('kubectl', ['plugin', 'list'], { cwd: work, env: userEnv(), encoding: 'utf8' });
  assert.match(
    list.stdout,
    new RegExp(`^${join(prefix, 'bin', 'kubectl-renew_revocation')}$`, 'm'),
    list.stdout + list.stderr,
  );
  const lint = spawnSync('kubectl', ['renew-revocation', 'lint', 'leaked.yaml'], {
    cwd: work,
    env: userEnv(),
    encoding: 'utf8',
  });
  assert.match(lint.stdout, /^ {2}10:19 {2}error .* serial-invalid$/m);
  assert.equal(lint.status, 1);
});

test('npx runs the tarball offline', () => {
  const result = spawnSync(
    'npx',
    [
      '--offline',
      '--yes',
      '--cache',
      join(packed.folder, 'npx-cache'),
      '--package',
      packed.tarball,
      'renew-revocation',
      '--version',
    ],
    {
      cwd: work,
      env: npmEnv(),
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.equal(result.stdout, '0.1.0\n', result.stderr);
  assert.equal(result.status, 0);
});
