// The window of the restricted-mode tests (test/editor/restricted): workspace trust on and a
// workspace no one trusted, holding a manifest and one certificate (kube-apiserver's, serial
// 7f01…13); the machine settings name in renewRevocation.certificatePaths a folder outside
// the workspace holding the cluster admin's certificate (serial 2a), which the manifest revokes too.
// The setting is in the remote machine's settings, where a remote window (code-server's) reads a
// machine-overridable setting; VS Code itself would drop its workspace value in restricted mode.
import { join } from 'node:path';
import { root } from './codeServer.mjs';

const pki = join(root, 'test', 'fixtures', 'pki');

/** startCodeServer options. */
export const restrictedWorkspaceOptions = {
  workspaceSource: join(root, 'test', 'editor', 'restricted', 'workspace'),
  extraFiles: [[join(pki, 'leaf-server.crt'), join('pki', 'leaf-server.crt')]],
  outsideFiles: [[join(pki, 'admin-client.crt'), 'admin-client.crt']],
  workspaceTrust: true,
  machineSettings: (dirs) => ({ 'renewRevocation.certificatePaths': [dirs.outside] }),
};
