import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, summarize, waitFor, waitForDiagnostics } from './helpers';

suite('New Manifest in a real VS Code', () => {
  teardown(closeAllEditors);

  test('opens an untitled YAML manifest whose only warning is the broad system:nodes group', async () => {
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
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length > 0);
    const line = document.getText().split('\n').findIndex((text) => text === '    group: system:nodes');
    assert.deepEqual(summarize(document, diagnostics), [`broad-revocation ${line}:11-${line}:23 system:nodes`]);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
  });
});
