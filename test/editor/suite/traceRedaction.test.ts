import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, outputChannelText, waitFor, workspaceUri } from './helpers';

suite('protocol trace in a real VS Code', () => {
  teardown(async () => {
    await vscode.workspace
      .getConfiguration('renewRevocation')
      .update('trace.server', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    await closeAllEditors();
  });

  test('a private key sent to the server shows in the verbose trace with its body redacted', async () => {
    await openDocument('documented.yaml');
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace');
    await vscode.workspace
      .getConfiguration('renewRevocation')
      .update('trace.server', 'verbose', vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('renewRevocation.showOutput');

    const key = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('fixture-pki/rsa-pkcs8.key')));
    const bodyLines = key.split(/\r?\n/).filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line));
    assert.ok(bodyLines.length > 10);
    const marker = `# trace-check-${Date.now()}`;
    const document = await vscode.workspace.openTextDocument({ language: 'pem', content: `${marker}\n${key}` });
    await vscode.window.showTextDocument(document);

    const output = await waitFor('the didOpen of the key in the trace', () => {
      const text = outputChannelText();
      return text?.includes(marker) ? text : undefined;
    });
    assert.match(output, /-----BEGIN PRIVATE KEY-----<redacted>-----END PRIVATE KEY-----/);
    for (const line of bodyLines) assert.ok(!output.includes(line), `the key line ${line} is in the output`);
  });
});
