import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor, workspaceUri } from './helpers';

/** The tabs of decoded views: `[view path, column]`. */
function decodedTabs(): Array<[string, vscode.ViewColumn]> {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.scheme === 'renew-revocation-decoded')
      .map((tab): [string, vscode.ViewColumn] => [(tab.input as vscode.TabInputText).uri.path, group.viewColumn]),
  );
}

function activeDecodedView(path: string): Promise<vscode.TextEditor> {
  return waitFor(`the decoded view ${path}`, () => {
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.scheme === 'renew-revocation-decoded' && active.document.uri.path === path
      ? active
      : undefined;
  });
}

suite('Decode Certificate File in a real VS Code', () => {
  teardown(closeAllEditors);

  test('a binary DER file opens beside as a read-only decoded view', async () => {
    // Activate the extension first (a DER file has no language that would).
    await openDocument('documented.yaml');
    const der = workspaceUri('fixture-pki/leaf-server.der');
    await vscode.commands.executeCommand('renewRevocation.decodeCertificateFile', der);
    const editor = await activeDecodedView('/leaf-server.der (decoded).txt');
    const { document } = editor;
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

  test('decoding again reuses the view of its source; other sources join the same column', async () => {
    await openDocument('documented.yaml');
    const der = workspaceUri('fixture-pki/leaf-server.der');
    await vscode.commands.executeCommand('renewRevocation.decodeCertificateFile', der);
    await activeDecodedView('/leaf-server.der (decoded).txt');
    // Again, with the decoded view active (Beside of it would be a third column).
    await vscode.commands.executeCommand('renewRevocation.decodeCertificateFile', der);
    await vscode.commands.executeCommand('renewRevocation.decodeCertificateFile');
    await vscode.commands.executeCommand(
      'renewRevocation.decodeCertificateFile',
      workspaceUri('fixture-pki/bundle.pem'),
    );
    await activeDecodedView('/bundle.pem (decoded).txt');
    assert.deepEqual(decodedTabs(), [
      ['/leaf-server.der (decoded).txt', vscode.ViewColumn.Two],
      ['/bundle.pem (decoded).txt', vscode.ViewColumn.Two],
    ]);
    assert.equal(vscode.window.tabGroups.all.length, 2, 'the manifest and the decoded views: two columns');
  });

  test('from the palette on a manifest (no certificate in it), a picker of certificate files opens', async () => {
    await openDocument('documented.yaml');
    // Not awaited: the command waits for the picker. Its first row (sorted) is fixture-pki/bundle.pem.
    const running = vscode.commands.executeCommand('renewRevocation.decodeCertificateFile');
    const editor = await waitFor('the picked file decoded', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.scheme === 'renew-revocation-decoded' ? active : undefined;
    });
    await running;
    assert.equal(editor.document.uri.path, '/bundle.pem (decoded).txt');
    assert.match(editor.document.getText(), /Fixture Root CA/);
    assert.deepEqual(
      decodedTabs().map(([path]) => path),
      ['/bundle.pem (decoded).txt'],
      'no view of the manifest ("No certificate found")',
    );
  });
});
