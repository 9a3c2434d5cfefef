import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  EXTENSION_ID,
  hoverAt,
  hoverText,
  openDocument,
  outputChannelText,
  positionOf,
  summarize,
  waitFor,
  waitForDiagnostics,
} from './helpers';
import { languageServerPids } from './serverProcess';

suite('language server crash in a real VS Code', () => {
  teardown(closeAllEditors);

  test('a killed server is restarted: diagnostics and hover work again, and the output says so', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { document } = await openDocument('documented.yaml');
    await waitForDiagnostics(document.uri, (found) => found.length > 0);
    const [before, ...others] = await waitFor('the language server process', () => {
      const pids = languageServerPids(extension.extensionPath);
      return pids.length > 0 ? pids : undefined;
    });
    assert.deepEqual(others, [], 'one language server per window');

    process.kill(before, 'SIGKILL');
    const [after] = await waitFor('a new language server process', () => {
      const pids = languageServerPids(extension.extensionPath);
      return pids.length === 1 && pids[0] !== before ? pids : undefined;
    });
    assert.notEqual(after, before);

    // A document opened after the restart gets its diagnostics from the new server.
    const fresh = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: document.getText().replace('kind: IP', 'kind: ip'),
    });
    await vscode.window.showTextDocument(fresh);
    const diagnostics = await waitForDiagnostics(fresh.uri, (found) =>
      found.some((diagnostic) => codeOf(diagnostic) === 'kind-case'),
    );
    assert.ok(
      summarize(fresh, diagnostics).includes('kind-case 23:10-23:12 ip'),
      summarize(fresh, diagnostics).join('\n'),
    );
    const hover = await hoverAt(fresh.uri, positionOf(fresh, '77fdf4b1033b387aaace6ce1c18710c2', 2));
    assert.match(hoverText(hover), /length: 16 octets/);

    await vscode.commands.executeCommand('renewRevocation.showOutput');
    const output = await waitFor(
      'the restart in the output channel',
      () => {
        const text = outputChannelText();
        return text?.includes('restarting it') ? text : undefined;
      },
      10_000,
    );
    assert.match(
      output,
      /The RenewRevocation language server stopped unexpectedly; restarting it \(crash 1 of at most 5 within 3 minutes\)\./,
    );
  });
});
