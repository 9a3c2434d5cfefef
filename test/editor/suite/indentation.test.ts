// A tab used as indentation, in a real VS Code: one error on the tab itself, and the quick fix
// "Convert tabs to spaces" lines the key up with the entry's other keys.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectDiagnostics, openDocument } from './helpers';

suite('indentation mistakes in a real VS Code', () => {
  teardown(closeAllEditors);

  test('a tab as indentation: one error on the tab, fixed by "Convert tabs to spaces"', async () => {
    const { document } = await openDocument('tab-indentation.yaml');
    const [error] = await expectDiagnostics(document, ['yaml-syntax 10:0-10:1 \t']);
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /^YAML syntax: Tabs are not allowed as indentation/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      error.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const convert = actions.find((action) => action.title === 'Convert tabs to spaces');
    assert.ok(convert?.edit, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(convert.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.equal(document.lineAt(10).text, '    ip: 10.0.0.12');
    // Fixed, the entry reads whole: its IP matches none of the workspace's certificates.
    await expectDiagnostics(document, ['no-match 10:8-10:17 10.0.0.12']);
  });
});
