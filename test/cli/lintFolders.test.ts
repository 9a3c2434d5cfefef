import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLEAN_MANIFEST, REPEATED_KEY_MANIFEST, runCli, tempFolder } from './cliHarness';

const NOW = ['--now', '2026-01-15T00:00:00Z'];

interface Record {
  file: string;
  code: string;
}

function filesOf(stdout: string): string[] {
  return (JSON.parse(stdout) as Record[]).map((record) => record.file);
}

test('a folder is searched recursively for .yaml and .yml, skipping node_modules and .git', () => {
  const cwd = tempFolder({
    'manifests/top.yaml': REPEATED_KEY_MANIFEST,
    'manifests/a/b/deep.yml': REPEATED_KEY_MANIFEST,
    'manifests/a/UPPER.YAML': REPEATED_KEY_MANIFEST,
    'manifests/a/clean.yaml': CLEAN_MANIFEST,
    'manifests/node_modules/pkg/ignored.yaml': REPEATED_KEY_MANIFEST,
    'manifests/a/node_modules/ignored.yaml': REPEATED_KEY_MANIFEST,
    'manifests/.git/ignored.yaml': REPEATED_KEY_MANIFEST,
    'manifests/notes.txt': REPEATED_KEY_MANIFEST,
    'manifests/manifest.json': REPEATED_KEY_MANIFEST,
  });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'manifests'], { cwd });
  assert.equal(run.status, 1);
  assert.deepEqual(filesOf(run.stdout), [
    join('manifests', 'a', 'UPPER.YAML'),
    join('manifests', 'a', 'b', 'deep.yml'),
    join('manifests', 'top.yaml'),
  ]);
});

test('a file named on the command line is linted whatever its extension, and once only', () => {
  const cwd = tempFolder({ 'dir/x.yaml': REPEATED_KEY_MANIFEST, 'manifest.txt': REPEATED_KEY_MANIFEST });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'manifest.txt', 'dir', join('dir', 'x.yaml')], { cwd });
  assert.deepEqual(filesOf(run.stdout), ['manifest.txt', join('dir', 'x.yaml')]);
});

test('paths keep the form the user gave: absolute stays absolute, a parent folder stays relative', () => {
  const root = tempFolder({ 'repo/m.yaml': REPEATED_KEY_MANIFEST, 'repo/sub/.keep': '' });
  const fromSub = runCli(['lint', ...NOW, '--format', 'json', '..'], { cwd: join(root, 'repo', 'sub') });
  assert.deepEqual(filesOf(fromSub.stdout), [join('..', 'm.yaml')]);
  const absolute = runCli(['lint', ...NOW, '--format', 'json', join(root, 'repo')], { cwd: root });
  assert.deepEqual(filesOf(absolute.stdout), [join(root, 'repo', 'm.yaml')]);
});

test('YAML that is not a RenewRevocation manifest is ignored, even when broken', () => {
  const cwd = tempFolder({
    'configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: [1, 2\n',
    'deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n',
    'empty.yaml': '',
    'binary.yaml': Buffer.from([0, 1, 2, 255, 254, 0, 10, 13, 0]),
  });
  const run = runCli(['lint', ...NOW, '--allow-no-manifest', '.'], { cwd });
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '0 problems (0 errors, 0 warnings, 0 infos)\n');
  assert.equal(run.stderr, '');
});

test('only the RenewRevocation documents of a multi-document file are reported', () => {
  const cwd = tempFolder({
    'mixed.yaml': `kind: ConfigMap\ndata:\n  a: b\n  a: c\n---\n${REPEATED_KEY_MANIFEST}`,
  });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'mixed.yaml'], { cwd });
  const records = JSON.parse(run.stdout) as { range: { start: { line: number } }; code: string }[];
  assert.deepEqual(
    records.map((record) => [record.code, record.range.start.line]),
    [['yaml-syntax', 12]],
  );
});

test('a folder with no YAML gets a note, and is a failure unless --allow-no-manifest', () => {
  const cwd = tempFolder({ 'docs/readme.md': '# nothing here\n' });
  const run = runCli(['lint', ...NOW, 'docs'], { cwd });
  assert.equal(run.status, 2);
  assert.equal(run.stdout, '');
  assert.equal(
    run.stderr,
    "renew-revocation: note: no .yaml or .yml file found in 'docs'\n" +
      "renew-revocation: error: no RenewRevocation manifest found in 'docs' (a YAML or JSON document with kind: RenewRevocation): nothing was checked; --allow-no-manifest accepts that\n",
  );
  const allowed = runCli(['lint', ...NOW, '--allow-no-manifest', 'docs'], { cwd });
  assert.equal(allowed.status, 0);
  assert.equal(allowed.stderr, "renew-revocation: note: no .yaml or .yml file found in 'docs'\n");
});

test('a byte order mark is not text, and invalid UTF-8 does not stop the check', () => {
  const cwd = tempFolder({
    'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPEATED_KEY_MANIFEST)]),
    'latin1.yaml': Buffer.concat([
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from(`\n${REPEATED_KEY_MANIFEST}`),
    ]),
    'utf16.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(REPEATED_KEY_MANIFEST, 'utf16le')]),
  });
  const run = runCli(['lint', ...NOW, '--format', 'json', 'bom.yaml', 'latin1.yaml', 'utf16.yaml'], { cwd });
  const records = JSON.parse(run.stdout) as { file: string; range: { start: { line: number; character: number } } }[];
  assert.deepEqual(
    records.map((record) => [record.file, record.range.start.line, record.range.start.character]),
    [
      ['bom.yaml', 7, 2],
      ['latin1.yaml', 8, 2],
      ['utf16.yaml', 7, 2],
    ],
  );
});

test(
  'a symbolic link back up the tree does not loop, and a dangling link is skipped',
  { skip: process.platform === 'win32' },
  () => {
    const cwd = tempFolder({ 'tree/a/m.yaml': REPEATED_KEY_MANIFEST });
    symlinkSync(join(cwd, 'tree'), join(cwd, 'tree', 'a', 'loop'));
    symlinkSync(join(cwd, 'nowhere.yaml'), join(cwd, 'tree', 'dangling.yaml'));
    const run = runCli(['lint', ...NOW, '--format', 'json', 'tree'], { cwd });
    assert.equal(run.stderr, '');
    assert.deepEqual(filesOf(run.stdout), [join('tree', 'a', 'm.yaml')]);
  },
);
