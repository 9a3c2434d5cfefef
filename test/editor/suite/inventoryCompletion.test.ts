// Completion from the certificate inventory (examples/pki and fixture-pki in the test workspace)
// as VS Code shows it, and the retrigger after a key with one value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, openDocument, positionOf, waitFor } from './helpers';

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

async function completionAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionList> {
  return vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
}

suite('completion from the certificate inventory in a real VS Code', () => {
  teardown(closeAllEditors);

  test('after `serialNumber: "6C` the kubelet serials come first, then the serial containing 6c', async () => {
    const { document } = await openDocument('inventory-completion.yaml');
    // Between `6C` and the closing quote, as if just typed.
    const position = positionOf(document, 'serialNumber: "6C"', 'serialNumber: "6C'.length);
    // The inventory is read in the background after start-up: ask until its serials arrive.
    let last: string[] = [];
    const list = await waitFor('the inventory serials', async () => {
      const found = await completionAt(document.uri, position);
      last = found.items.map((item) => `${labelOf(item)}:${String(item.kind)}`);
      return found.items.some((item) => labelOf(item) === '6c01') ? found : undefined;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; last items: ${JSON.stringify(last)}`);
    });
    const values = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Value);
    const ranked = [...values].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(
      ranked.slice(0, 3).map(labelOf),
      ['6c01', '6c02', '77fdf4b1033b387aaace6ce1c18710c2'],
      JSON.stringify(ranked.map((item) => [labelOf(item), item.sortText])),
    );
    assert.equal(ranked[0].detail, 'CN=system:node:moc-node-1,O=system:nodes · expires 2034-03-01');
    // Our list replaces VS Code's words of the document: no plain-text word items.
    assert.deepEqual(list.items.filter((item) => item.kind === vscode.CompletionItemKind.Text).map(labelOf), []);
    // Accepting the first writes the canonical serial in its quotes.
    const editor = vscode.window.activeTextEditor!;
    const range = ranked[0].range instanceof vscode.Range ? ranked[0].range : ranked[0].range!.replacing;
    const insertText = typeof ranked[0].insertText === 'string' ? ranked[0].insertText : ranked[0].insertText!.value;
    await editor.edit((builder) => builder.replace(range, insertText));
    assert.equal(document.lineAt(position.line).text, '    serialNumber: "6c01"');
  });

  test('`apiVersion` asks the editor to suggest its one value once inserted', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const list = await waitFor('the top-level keys', async () => {
      const found = await completionAt(document.uri, new vscode.Position(0, 0));
      return found.items.some((item) => labelOf(item) === 'apiVersion') ? found : undefined;
    });
    const apiVersion = list.items.find((item) => labelOf(item) === 'apiVersion')!;
    assert.equal(apiVersion.command?.command, 'editor.action.triggerSuggest');
    const metadata = list.items.find((item) => labelOf(item) === 'metadata')!;
    assert.equal(metadata.command, undefined);
  });
});
