// The output channel says what the certificate scan read and left out: each folder with the
// files read, the folders not entered and why, the files skipped and why; paths and reasons, no
// certificate or key content.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { startForTest } from './lspClient';
import { makePreviewWorkspace } from './previewWorkspace';

test('after the scan, the log lists the files read and the folders and files skipped, with why', async (t) => {
  const workspace = makePreviewWorkspace(t);
  // Over the size limit set below: skipped, and the log says why.
  writeFileSync(workspace.path('pki/huge.pem'), 'x'.repeat(12_288));
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    workspaceFolders: [workspace.folderUri],
    filesExclude: { '**/ignored': true },
    settings: { maxFileSize: 9000 },
  });
  await client.waitForProgressEnds(1);
  const deadline = Date.now() + 10_000;
  let report: string | undefined;
  while (!report && Date.now() < deadline) {
    report = client.logs.map((log) => log.message).find((message) => message.startsWith('Certificate scan:'));
    if (!report) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.ok(report, client.logs.map((log) => log.message).join('\n'));
  assert.deepEqual(report.split('\n'), [
    'Certificate scan: 7 files read from 1 folder, 6 certificates in all',
    `  read ${workspace.folder} (workspace folder): admin.kubeconfig, pki/huge.pem, pki/kubelet-client.crt, pki/kubelet-serving.crt, pki/leaf-server.crt, pki/root-ca.crt, manifests/revoke.yaml`,
    '  skipped folder ignored: excluded by files.exclude',
    '  skipped folder node_modules: node_modules and .git are never read',
    `  skipped file ${workspace.path('pki/huge.pem')}: 12.0 KiB is more than renewRevocation.maxFileSize (8.8 KiB): its certificates are not in the inventory. Raise the setting to include it.`,
  ]);
  assert.doesNotMatch(report, /BEGIN|PRIVATE/);
});
