import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, waitFor } from './helpers';

suite('outline in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the documented example: one node named by metadata.name, one child per entry', async () => {
    const { document } = await openDocument('documented.yaml');
    const symbols = await waitFor('document symbols', async () => {
      const found = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>(
        'vscode.executeDocumentSymbolProvider',
        document.uri,
      );
      return found && found.length > 0 ? found : undefined;
    });
    const outline = symbols.map((symbol) => ({
      name: symbol.name,
      detail: symbol.detail,
      kind: vscode.SymbolKind[symbol.kind],
      selection: document.getText(symbol.selectionRange),
      children: symbol.children.map(
        (child) =>
          `${child.name} | ${child.detail} | ${vscode.SymbolKind[child.kind]} | ${document.getText(child.selectionRange)}`,
      ),
    }));
    assert.deepEqual(outline, [
      {
        name: 'my-renew-revocation',
        detail: '5 revocations',
        kind: 'Module',
        selection: 'my-renew-revocation',
        children: [
          'serialnumber 77fdf4b1033b387aaace6ce1c18710c2 | 2020-04-17T17:22:05Z | Object | 77fdf4b1033b387aaace6ce1c18710c2',
          'Group system:nodes | no notBefore | Object | system:nodes',
          'DNS kubernetes.default.svc. | no notBefore | Object | kubernetes.default.svc.',
          'DNS .cluster.local | no notBefore | Object | .cluster.local',
          'IP 170.63.128.124 | no notBefore | Object | 170.63.128.124',
        ],
      },
    ]);
  });
});
