import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, expectDiagnostics, openDocument, waitFor, waitForDiagnostics } from './helpers';

const ENTRY_SNIPPETS = ['serialnumber entry', 'Group entry', 'DNS entry', 'IP entry'];

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

suite('completion in a real VS Code', () => {
  teardown(closeAllEditors);

  test('after `- ` under revocations: one entry snippet per kind, in order', async () => {
    const { document } = await openDocument('completion.yaml');
    const lastLine =
      document.lineAt(document.lineCount - 1).text === '' ? document.lineCount - 2 : document.lineCount - 1;
    const position = new vscode.Position(lastLine, 4);
    assert.equal(document.lineAt(lastLine).text, '  - ');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const snippets = list.items.filter(
      (item) => item.kind === vscode.CompletionItemKind.Snippet && ENTRY_SNIPPETS.includes(labelOf(item)),
    );
    assert.deepEqual(
      snippets.map(labelOf),
      ENTRY_SNIPPETS,
      JSON.stringify(list.items.map((item) => [labelOf(item), item.kind])),
    );

    const dns = snippets[2];
    assert.equal(dns.detail, 'Revoked certificates by DNS (kind: DNS)');
    assert.ok(dns.insertText instanceof vscode.SnippetString, 'the entry is a snippet with tab stops');
    // Continuation lines carry their own indentation (the server asks for insertTextMode asIs).
    assert.equal(dns.keepWhitespace, true);
    assert.match(
      dns.insertText.value,
      /^description: \$\{1:Revoked certificates by DNS\}\n {4}kind: DNS\n {4}dns: \$\{2:<dns-name>\}\n {4}notBefore: "\$\{3:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\}"\$0$/,
    );
  });

  test('the first snippet, accepted in the suggest widget, lands as an entry that validates', async () => {
    const editor = await openDocument('completion.yaml');
    const { document } = editor;
    const lastLine =
      document.lineAt(document.lineCount - 1).text === '' ? document.lineCount - 2 : document.lineCount - 1;
    const position = new vscode.Position(lastLine, 4);
    // The half-written entry is an error until the snippet fills it in.
    await waitForDiagnostics(document.uri, (found) => found.length > 0);
    editor.selection = new vscode.Selection(position, position);
    const original = document.getText();
    // The widget opens asynchronously: accept once it has something to accept.
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await waitFor('the suggest widget to accept an item', async () => {
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      return document.getText() !== original ? true : undefined;
    });
    const entry = document
      .getText(new vscode.Range(lastLine, 0, document.lineCount, 0))
      .split('\n')
      .filter(Boolean);
    assert.equal(entry.length, 4);
    assert.equal(entry[0], '  - description: Revoked certificates by serial number');
    assert.equal(entry[1], '    kind: serialnumber');
    assert.equal(entry[2], '    serialNumber: "<serial-number>"');
    assert.match(entry[3], /^ {4}notBefore: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"$/);
    // Left as inserted, the placeholder is one error saying what to write; nothing else is wrong.
    await expectDiagnostics(document, [
      'no-match 11:8-11:17 10.0.0.12',
      `placeholder-value ${lastLine + 2}:18-${lastLine + 2}:35 "<serial-number>"`,
    ]);
  });
});
