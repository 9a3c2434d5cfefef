import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, openDocument, waitForDiagnostics } from './helpers';

suite('diagnostics in a real VS Code', () => {
  test('the extension is installed and activates on YAML', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await openDocument('documented.yaml');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the documented example gets four missing-not-before and one broad-revocation, at their values', async () => {
    const editor = await openDocument('documented.yaml');
    const diagnostics = await waitForDiagnostics(editor.document.uri, (found) => found.length >= 5);
    const summary = diagnostics
      .map((diagnostic) => `${codeOf(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${editor.document.getText(diagnostic.range)}`)
      .sort();
    assert.deepEqual(summary, [
      'broad-revocation 13:11-13:23 system:nodes',
      'missing-not-before 13:11-13:23 system:nodes',
      'missing-not-before 16:9-16:32 kubernetes.default.svc.',
      'missing-not-before 19:9-19:23 .cluster.local',
      'missing-not-before 22:8-22:22 170.63.128.124',
    ]);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    }
  });
});
