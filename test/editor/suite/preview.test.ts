import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor } from './helpers';

/** The tab of our preview webview, once VS Code shows it. */
function previewTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('renewRevocation.preview'),
    );
}

suite('Preview Revocation in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the command opens the preview webview beside the manifest, keeping the focus there', async () => {
    const editor = await openDocument('documented.yaml');
    await vscode.commands.executeCommand('renewRevocation.previewRevocation');
    const tab = await waitFor('the preview panel', previewTab);
    assert.equal(tab.label, 'Preview: documented.yaml');
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'beside the manifest');
    assert.equal(
      vscode.window.activeTextEditor?.document.uri.toString(),
      editor.document.uri.toString(),
      'the manifest keeps the focus',
    );

    // Running it again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('renewRevocation.previewRevocation');
    const tabs = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((candidate) => candidate.input instanceof vscode.TabInputWebview);
    assert.equal(tabs.length, 1);
  });
});
