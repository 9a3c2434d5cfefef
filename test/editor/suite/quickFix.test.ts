import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectDiagnostics, openDocument } from './helpers';

suite('quick fixes in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the canonical-serial fix, applied through the editor, clears its warning', async () => {
    const editor = await openDocument('quick-fix.yaml');
    const { document } = editor;
    const before = await expectDiagnostics(document, [
      'serial-not-canonical 11:18-11:65 77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2',
    ]);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      before[0].range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // (The command's result does not carry the actions' diagnostics: they are matched by title.)
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind?.value, action.isPreferred]),
      [['Write the serial number as `77fdf4b1033b387aaace6ce1c18710c2`', 'quickfix', true]],
    );
    const ours = actions;
    const edit = ours[0].edit;
    assert.ok(edit, 'the quick fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(edit), true);

    assert.equal(document.lineAt(11).text, '    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2');
    await expectDiagnostics(document, []);
  });
});
