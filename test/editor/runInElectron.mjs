// The same extension-host tests under @vscode/test-electron, on a machine that can download
// VS Code (this one cannot: there, use runInCodeServer.mjs through `npm run test:editor`).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { root } from './codeServer.mjs';
import { editorWorkspaceFiles } from './editorWorkspace.mjs';

const workspace = mkdtempSync(join(tmpdir(), 'rr-electron-'));
cpSync(join(root, 'examples'), workspace, { recursive: true });
for (const [from, to] of editorWorkspaceFiles) cpSync(from, join(workspace, to), { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'editor', 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`editor tests failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
