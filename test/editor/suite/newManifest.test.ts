import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectDiagnostics, waitFor } from './helpers';

suite('New Manifest in a real VS Code', () => {
  teardown(closeAllEditors);

  test('opens an untitled YAML manifest whose only warnings are on the broad system:nodes group', async () => {
    await vscode.commands.executeCommand('renewRevocation.newManifest');
    const editor = await waitFor('the new manifest editor', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.isUntitled ? active : undefined;
    });
    const { document } = editor;
    assert.equal(document.languageId, 'yaml');
    assert.match(document.getText(), /^apiVersion: certificates\.microsoft\.com\/v1\nkind: RenewRevocation\n/m);
    const notBefores = document.getText().match(/notBefore: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/g) ?? [];
    assert.equal(notBefores.length, 5, 'every entry has notBefore set to the moment of creation');
    const line = document
      .getText()
      .split('\n')
      .findIndex((text) => text === '    group: system:nodes');
    // Every entry has notBefore: what remains is the breadth of the group, and (with the example
    // cluster's certificates in the workspace) the kubelet serving certificate it matches.
    const diagnostics = await expectDiagnostics(document, [
      `broad-revocation ${line}:11-${line}:23 system:nodes`,
      `kubelet-server-cert ${line}:11-${line}:23 system:nodes`,
    ]);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning));
  });
});
