import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor, workspaceUri } from './helpers';

suite('Decode Certificate File in a real VS Code', () => {
  teardown(closeAllEditors);

  test('a binary DER file opens beside as a read-only decoded view', async () => {
    // Activate the extension first (a DER file has no language that would).
    await openDocument('documented.yaml');
    const der = workspaceUri('fixture-pki/leaf-server.der');
    await vscode.commands.executeCommand('renewRevocation.decodeCertificateFile', der);
    const editor = await waitFor('the decoded view', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'renew-revocation-decoded' ? active : undefined;
    });
    const { document } = editor;
    assert.equal(document.uri.path, '/leaf-server.der (decoded).txt');
    assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    const text = document.getText();
    for (const fact of [
      'kube-apiserver',
      '7f0102030405060708090a0b0c0d0e0f10111213',
      'kubernetes.default.svc.',
      '2001:db8::1',
    ]) {
      assert.ok(text.includes(fact), `the decoded view shows ${fact}:\n${text}`);
    }
    // A virtual document of the extension's own scheme: an edit cannot be saved anywhere.
    assert.equal(vscode.workspace.fs.isWritableFileSystem('renew-revocation-decoded'), undefined);
  });
});
