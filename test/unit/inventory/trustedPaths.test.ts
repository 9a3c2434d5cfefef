import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decideCertificatePaths,
  type CertificatePathDecision,
} from '../../../server/src/service/inventory/trustedPaths';

const LINUX = ['file:///home/op/cluster'];
const WINDOWS = ['file:///c%3A/Users/op/cluster'];

function readable(decisions: readonly CertificatePathDecision[]): Array<string | false> {
  return decisions.map((decision) => (decision.readable ? decision.uri : false));
}

test('trusted: every folder named is read, absolute (POSIX, Windows, UNC) or relative to the first workspace folder', () => {
  const decisions = decideCertificatePaths(
    ['/etc/kubernetes/pki', 'C:\\AksHci\\pki', '\\\\fileserver\\share\\pki', 'pki', './certs/../pki/old', '../shared'],
    {
      trusted: true,
      workspaceFolders: LINUX,
    },
  );
  assert.deepEqual(readable(decisions), [
    'file:///etc/kubernetes/pki',
    'file:///c%3A/AksHci/pki',
    'file://fileserver/share/pki',
    'file:///home/op/cluster/pki',
    'file:///home/op/cluster/pki/old',
    'file:///home/op/shared',
  ]);
});

test('untrusted: folders outside the workspace are ignored with the reason; folders inside it are read', () => {
  const decisions = decideCertificatePaths(
    [
      '/etc/kubernetes/pki',
      'pki',
      '/home/op/cluster/secrets',
      '/home/op/cluster',
      '../../../home/op/.ssh',
      '/home/op/cluster-other',
    ],
    {
      trusted: false,
      workspaceFolders: LINUX,
    },
  );
  assert.deepEqual(readable(decisions), [
    false,
    'file:///home/op/cluster/pki',
    'file:///home/op/cluster/secrets',
    'file:///home/op/cluster',
    false,
    false,
  ]);
  assert.deepEqual(decisions[0], {
    path: '/etc/kubernetes/pki',
    readable: false,
    reason: '/etc/kubernetes/pki is outside the workspace, and the workspace is not trusted (restricted mode)',
  });
});

test('untrusted on Windows: drive letters and case do not matter inside the workspace; another drive, a share and a climb out are ignored', () => {
  const decisions = decideCertificatePaths(
    [
      'C:\\Users\\OP\\Cluster\\pki',
      'c:/users/op/cluster',
      'D:\\AksHci\\pki',
      '\\\\server\\share',
      'pki\\..\\..\\..\\secret',
      'C:\\AksHci\\pki',
    ],
    {
      trusted: false,
      workspaceFolders: WINDOWS,
    },
  );
  assert.deepEqual(readable(decisions), [
    'file:///c%3A/Users/OP/Cluster/pki',
    'file:///c%3A/users/op/cluster',
    false,
    false,
    false,
    false,
  ]);
});

test('a POSIX workspace compares with case: /home/op/Cluster is not /home/op/cluster', () => {
  assert.deepEqual(
    readable(decideCertificatePaths(['/home/op/Cluster/pki'], { trusted: false, workspaceFolders: LINUX })),
    [false],
  );
});

test('with several workspace folders, inside any of them counts; relative paths resolve below the first', () => {
  const decisions = decideCertificatePaths(['/srv/second/pki', 'pki'], {
    trusted: false,
    workspaceFolders: ['file:///srv/first', 'file:///srv/second'],
  });
  assert.deepEqual(readable(decisions), ['file:///srv/second/pki', 'file:///srv/first/pki']);
});

test('a relative path with no folder open is ignored, trusted or not', () => {
  for (const trusted of [true, false]) {
    assert.deepEqual(decideCertificatePaths(['pki'], { trusted, workspaceFolders: [] }), [
      { path: 'pki', readable: false, reason: 'pki is relative and no folder is open' },
    ]);
  }
  assert.deepEqual(
    readable(decideCertificatePaths(['/etc/kubernetes/pki'], { trusted: false, workspaceFolders: [] })),
    [false],
  );
});

test('in a host that reaches only the workspace (a browser), a folder outside it is refused with the reason, trusted or not', () => {
  const outsideWorkspace = 'in the browser only the workspace can be read';
  const folder = 'vscode-remote://127.0.0.1:8080/home/op/cluster';
  for (const trusted of [true, false]) {
    assert.deepEqual(
      decideCertificatePaths(['/etc/kubernetes/pki', 'pki'], { trusted, workspaceFolders: [folder], outsideWorkspace }),
      [
        {
          path: '/etc/kubernetes/pki',
          readable: false,
          reason: '/etc/kubernetes/pki is outside the workspace, and in the browser only the workspace can be read',
        },
        { path: 'pki', readable: true, uri: `${folder}/pki` },
      ],
    );
  }
});
