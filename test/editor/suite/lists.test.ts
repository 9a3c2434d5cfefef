import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectDiagnostics, openDocument, waitFor } from './helpers';

// `kubectl get renewrevocations -A -o yaml` (test/fixtures/kubectl): a v1 List of three items.
suite('a List of RenewRevocations in a real VS Code', () => {
  teardown(closeAllEditors);

  test("each item's findings on its own values; the clean item and the API server's metadata silent", async () => {
    const { document } = await openDocument('kubectl/renewrevocations-list.yaml');
    // The workspace inventory holds a kubelet serving certificate of system:nodes, and no certificate of 10.0.0.1 issued before 2020.
    await expectDiagnostics(document, [
      'no-match 37:10-37:18 10.0.0.1',
      'missing-not-before 73:13-73:25 system:nodes',
      'broad-revocation 73:13-73:25 system:nodes',
      'kubelet-server-cert 73:13-73:25 system:nodes',
      'serial-invalid 77:20-77:30 zz-not-hex',
      'kind-case 110:12-110:24 serialNumber',
    ]);
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      return found && found.length > 0 ? found : undefined;
    });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, document.getText(symbol.selectionRange), symbol.children.length]),
      [
        ['revoke-retired', 'revoke-retired', 2],
        ['revoke-nodes', 'revoke-nodes', 2],
        ['revoke-admin', 'revoke-admin', 1],
      ],
    );
  });
});
