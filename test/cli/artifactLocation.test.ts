import assert from 'node:assert/strict';
import { posix, win32 } from 'node:path';
import { test } from 'node:test';
import { artifactLocation, fileUri, sourceRoot } from '../../server/src/cli/lint/artifactLocation';

test('SARIF locations on Windows: forward slashes under %SRCROOT%, drive and UNC URIs outside it', () => {
  const cwd = 'C:\\work\\repo';
  assert.deepEqual(artifactLocation('manifests\\prod\\revoke.yaml', cwd, win32), {
    uri: 'manifests/prod/revoke.yaml',
    uriBaseId: '%SRCROOT%',
  });
  assert.deepEqual(artifactLocation('C:\\work\\repo\\a b.yaml', cwd, win32), {
    uri: 'a%20b.yaml',
    uriBaseId: '%SRCROOT%',
  });
  assert.deepEqual(artifactLocation('D:\\AksHci\\revoke.yaml', cwd, win32), { uri: 'file:///D:/AksHci/revoke.yaml' });
  assert.deepEqual(artifactLocation('..\\other\\x.yaml', cwd, win32), { uri: 'file:///C:/work/other/x.yaml' });
  assert.equal(fileUri('\\\\server\\share\\pki\\x.yaml', win32), 'file://server/share/pki/x.yaml');
  assert.deepEqual(sourceRoot(cwd, win32), { '%SRCROOT%': { uri: 'file:///C:/work/repo/' } });
});

test('SARIF locations on POSIX: relative under %SRCROOT%, encoded; outside as file: URIs', () => {
  const cwd = '/home/op/repo';
  assert.deepEqual(artifactLocation('./m/a.yaml', cwd, posix), { uri: 'm/a.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('m/50%:#.yaml', cwd, posix), { uri: 'm/50%25%3A%23.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocation('/etc/kubernetes/revoke.yaml', cwd, posix), {
    uri: 'file:///etc/kubernetes/revoke.yaml',
  });
  assert.deepEqual(sourceRoot(cwd, posix), { '%SRCROOT%': { uri: 'file:///home/op/repo/' } });
});
