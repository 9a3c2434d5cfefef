// The editor suite's run in the browser's web-worker extension host: code-server runs an extension
// with "main" in its Node host, so the user setting `remote.extensionKind` makes it run the
// extension's "browser" entry in the web worker instead (as vscode.dev and github.dev would). The
// tests bundle (scripts/web-editor-tests.mjs) is copied into the installed extension: the
// workbench runs a test file in the host of the extension it lies in.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { extensionId, root } from './codeServer.mjs';
import { editorWorkspaceFiles } from './editorWorkspace.mjs';

/** The user setting that runs the extension in the web worker. */
export const webWorkerSettings = { 'remote.extensionKind': { [extensionId]: ['web'] } };

export const webWorkerRun = {
  name: 'web-worker editor tests',
  suite: 'web',
  options: {
    extraFiles: editorWorkspaceFiles,
    settings: webWorkerSettings,
    // A folder outside the workspace: the browser cannot read it, and the output says so.
    machineSettings: () => ({ 'renewRevocation.certificatePaths': ['/etc/kubernetes/pki'] }),
  },
  testsPath(server) {
    const target = join(server.extensionDir, 'dist', 'test', 'index.js');
    mkdirSync(join(server.extensionDir, 'dist', 'test'), { recursive: true });
    copyFileSync(join(root, 'out', 'test', 'editor', 'web', 'bundle.js'), target);
    return target;
  },
};
