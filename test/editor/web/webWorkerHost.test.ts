// What is true only in the browser: the extension runs in the web-worker extension host (no
// Node), and certificatePaths outside the workspace are refused with the reason in the output.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDocument, waitFor } from '../suite/helpers';

suite('The web-worker extension host', () => {
  teardown(closeAllEditors);

  test('runs the extension from its browser entry, without Node', async () => {
    await openDocument('documented.yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'the extension is active');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'no Node process object');
    assert.equal(globalThis.constructor.name, 'DedicatedWorkerGlobalScope');
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
  });

  test('the output says certificatePaths outside the workspace cannot be read', async () => {
    await openDocument('documented.yaml');
    await vscode.commands.executeCommand('renewRevocation.showOutput');
    const line = await waitFor('the certificatePaths line in the output', () =>
      vscode.workspace.textDocuments
        .map((document) => document.getText())
        .join('\n')
        .split('\n')
        .find((text) => text.includes('renewRevocation.certificatePaths: /etc/kubernetes/pki')),
    );
    assert.match(
      line,
      /renewRevocation\.certificatePaths: \/etc\/kubernetes\/pki is outside the workspace, and in the browser only the workspace can be read; it is not read/,
    );
  });
});
