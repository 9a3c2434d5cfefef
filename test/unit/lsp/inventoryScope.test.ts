// Which files the server's inventory reads: glob patterns as VS Code writes them, files.exclude,
// node_modules and .git, the settings' defaults (equal to package.json's), and paths compared as
// URIs so that Windows drive letters and spaces need no string handling of ours.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { URI } from 'vscode-uri';
import { compileGlob, compileGlobs } from '../../../server/src/lsp/inventory/globPattern';
import {
  DEFAULT_CERTIFICATE_GLOBS,
  readFilesExclude,
  readInventorySettings,
} from '../../../server/src/lsp/inventory/inventorySettings';
import { inventoryPathOf, relativeUriPath, ScanScope } from '../../../server/src/lsp/inventory/scanScope';

test('globs: **, *, ?, braces (nested), classes', () => {
  const cases: Array<[string, string, boolean]> = [
    ['**/*.{pem,crt,cer,der}', 'ca.crt', true],
    ['**/*.{pem,crt,cer,der}', 'a/b/c/leaf.pem', true],
    ['**/*.{pem,crt,cer,der}', 'a/b/leaf.key', false],
    ['**/*.{pem,crt,cer,der}', 'a/b/crt', false],
    ['**/kubeconfig*', 'kubeconfig', true],
    ['**/kubeconfig*', 'clusters/kubeconfig-prod', true],
    ['**/kubeconfig*', 'clusters/my-kubeconfig', false],
    ['**/*.kubeconfig', 'x/admin.kubeconfig', true],
    ['*.yaml', 'top.yaml', true],
    ['*.yaml', 'sub/top.yaml', false],
    ['pki/**', 'pki/etcd/ca.crt', true],
    ['pki/**', 'other/ca.crt', false],
    ['**/ignored', 'a/ignored', true],
    ['**/ignored', 'ignored', true],
    ['**/ignored', 'a/ignored-not', false],
    ['a/**/b.pem', 'a/b.pem', true],
    ['a/**/b.pem', 'a/x/y/b.pem', true],
    ['ca.???', 'ca.crt', true],
    ['ca.???', 'ca.pem2', false],
    ['**/*.{y{a,}ml,json}', 'x.yml', true],
    ['**/*.{y{a,}ml,json}', 'x.yaml', true],
    ['**/*.{y{a,}ml,json}', 'x.json', true],
    ['node[-_]modules', 'node_modules', true],
    ['[!a]*.pem', 'b.pem', true],
    ['[!a]*.pem', 'a.pem', false],
    ['file.(1).pem', 'file.(1).pem', true],
    ['file+1.pem', 'file+1.pem', true],
    ['pki\\*.crt', 'pki/ca.crt', true],
    ['./pki/*.crt', 'pki/ca.crt', true],
    ['{unclosed', '{unclosed', true],
    ['', 'anything', false],
  ];
  for (const [pattern, path, expected] of cases)
    assert.equal(compileGlob(pattern)(path), expected, `${pattern} on ${path}`);
  assert.equal(compileGlobs(['*.a', '*.b'])('x.b'), true);
  assert.equal(compileGlobs([])('x.b'), false);
});

test('the default globs are package.json defaults', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { default: unknown }> } };
  };
  assert.deepEqual(
    manifest.contributes.configuration.properties['renewRevocation.certificateGlobs'].default,
    DEFAULT_CERTIFICATE_GLOBS,
  );
});

test('settings: lists of strings, bad values reported and replaced by the defaults; files.exclude keeps the patterns that are on', () => {
  const problems: string[] = [];
  const report = (problem: string) => problems.push(problem);
  assert.deepEqual(
    readInventorySettings(
      { certificateGlobs: ['**/*.pem', ' '], certificatePaths: ['/etc/kubernetes/pki'], maxFileSize: 1000 },
      report,
    ),
    {
      certificateGlobs: ['**/*.pem'],
      certificatePaths: ['/etc/kubernetes/pki'],
      maxFileSize: 1000,
    },
  );
  assert.deepEqual(problems, []);
  const fallback = readInventorySettings(
    { certificateGlobs: '**/*.pem', certificatePaths: [1], maxFileSize: -5 },
    report,
  );
  assert.deepEqual(fallback.certificateGlobs, DEFAULT_CERTIFICATE_GLOBS);
  assert.deepEqual(fallback.certificatePaths, []);
  assert.equal(fallback.maxFileSize, 5 * 1024 * 1024);
  assert.deepEqual(problems, [
    'renewRevocation.certificateGlobs must be a list of strings; found "**/*.pem"; using ["**/*.{pem,crt,cer,der}","**/*.{yaml,yml}","**/kubeconfig*","**/*.kubeconfig"]',
    'renewRevocation.certificatePaths must be a list of strings; found [1]; using []',
  ]);
  assert.deepEqual(readFilesExclude({ '**/.git': true, '**/build': false, '**/*.js': { when: '$(basename).ts' } }), [
    '**/.git',
  ]);
  assert.deepEqual(readFilesExclude(null), []);
});

test('scope: globs and files.exclude relative to the folder; node_modules and .git never', () => {
  const scope = new ScanScope([
    {
      uri: 'file:///home/me/cluster',
      kind: 'workspace',
      include: DEFAULT_CERTIFICATE_GLOBS,
      exclude: ['**/build', 'secret-stuff/*.pem'],
      maxFileSize: 100,
    },
  ]);
  const reads = (path: string) => scope.rootReading(`file:///home/me/cluster/${path}`) !== undefined;
  assert.equal(reads('pki/ca.crt'), true);
  assert.equal(reads('admin.kubeconfig'), true);
  assert.equal(reads('manifests/revoke.yaml'), true);
  assert.equal(reads('notes.txt'), false);
  assert.equal(reads('node_modules/pkg/ca.crt'), false);
  assert.equal(reads('a/.git/ca.pem'), false);
  assert.equal(reads('out/build/ca.pem'), false, 'below an excluded folder');
  assert.equal(reads('secret-stuff/x.pem'), false);
  assert.equal(reads('secret-stuff/deeper/x.pem'), true);
  assert.equal(scope.rootReading('file:///home/me/other/ca.crt'), undefined, 'outside the folder');
  assert.equal(scope.rootReading('file:///home/me/cluster-2/ca.crt'), undefined, 'a sibling whose name starts alike');
  const root = scope.roots[0];
  assert.equal(scope.entersFolder(root, 'pki'), true);
  assert.equal(scope.entersFolder(root, 'node_modules'), false);
  assert.equal(scope.entersFolder(root, 'x/build'), false);
});

test('scope: a certificate folder reads every file below it', () => {
  const scope = new ScanScope([
    { uri: URI.file('/etc/kubernetes/pki').toString(), kind: 'certificatePath', maxFileSize: 100 },
  ]);
  assert.equal(scope.rootReading('file:///etc/kubernetes/pki/etcd/ca.key')?.kind, 'certificatePath');
  assert.equal(scope.rootReading('file:///etc/kubernetes/pki/sa.pub')?.kind, 'certificatePath');
  assert.equal(scope.rootReading('file:///etc/kubernetes/manifests/x.yaml'), undefined);
  assert.equal(scope.contains('file:///etc/kubernetes/pki'), true);
});

test('Windows folders: drive letters in any case and escaped, spaces, UNC shares', () => {
  const folder = URI.parse('file:///c%3A/Users/Me/AksHci%20Work');
  assert.equal(relativeUriPath(folder, URI.parse('file:///C:/Users/Me/AksHci%20Work/pki/ca.crt')), 'pki/ca.crt');
  assert.equal(relativeUriPath(folder, URI.parse('file:///c%3A/Users/Me/AksHci%20Work')), '');
  assert.equal(relativeUriPath(folder, URI.parse('file:///d%3A/Users/Me/AksHci%20Work/pki/ca.crt')), undefined);
  const share = URI.parse('file://server/share/pki');
  assert.equal(relativeUriPath(share, URI.parse('file://SERVER/share/pki/etcd/ca.crt')), 'etcd/ca.crt');
  assert.equal(relativeUriPath(share, URI.parse('file://other/share/pki/ca.crt')), undefined);
  const scope = new ScanScope([{ uri: folder.toString(), kind: 'workspace', include: ['**/*.crt'], maxFileSize: 1 }]);
  assert.ok(scope.rootReading('file:///C:/Users/Me/AksHci%20Work/pki/ca.crt'));
});

test('inventory paths: OS paths for files (what people read), URIs for other schemes', () => {
  assert.equal(inventoryPathOf('file:///home/me/pki/ca%20old.crt'), '/home/me/pki/ca old.crt');
  assert.equal(inventoryPathOf('untitled:Untitled-1'), 'untitled:Untitled-1');
});
