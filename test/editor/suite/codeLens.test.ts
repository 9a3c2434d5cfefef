import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor } from './helpers';

// The workspace inventory: the examples' cluster (pki/) and the fixture PKI (test/editor/editorWorkspace.mjs).
suite('code lenses in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the documented example: "Preview revocation" over the manifest, and what each entry revokes', async () => {
    const { document } = await openDocument('documented.yaml');
    const lenses = await waitFor('the code lenses with the inventory counts', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        document.uri,
      );
      return found.length === 6 ? found : undefined;
    });
    const shown = lenses
      .map((lens) => `${lens.range.start.line} ${lens.command?.title} ${lens.command?.command}`)
      .sort((a, b) => Number.parseInt(a) - Number.parseInt(b));
    assert.deepEqual(shown, [
      '0 Preview revocation renewRevocation.previewRevocation',
      '8 revokes 1 certificate renewRevocation.previewRevocation',
      '12 revokes 2 certificates (2 not revocable) renewRevocation.previewRevocation',
      '15 revokes 2 certificates renewRevocation.previewRevocation',
      '18 revokes 3 certificates renewRevocation.previewRevocation',
      '21 revokes 1 certificate renewRevocation.previewRevocation',
    ]);
  });
});
