import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, expectDiagnostics, openDocument } from './helpers';

suite('diagnostics in a real VS Code', () => {
  test('the extension is installed and activates on YAML', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    await openDocument('documented.yaml');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  test('the documented example: four missing-not-before, one broad-revocation, and the kubelet serving certificate it cannot revoke', async () => {
    const editor = await openDocument('documented.yaml');
    // examples/pki holds a kubelet serving certificate of group system:nodes.
    const diagnostics = await expectDiagnostics(editor.document, [
      'broad-revocation 13:11-13:23 system:nodes',
      'kubelet-server-cert 13:11-13:23 system:nodes',
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
