// A server that keeps crashing: the client gives up after five crashes in three minutes. The
// manifest must not then look clean: its diagnostics stay, marked stale; commands answer without
// the language client's "Client is not running"; "RenewRevocation: Restart Server" brings the
// server and fresh diagnostics back, with a clean crash record.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  EXTENSION_ID,
  openDocument,
  ourDiagnostics,
  outputChannelText,
  summarize,
  waitFor,
  workspaceUri,
} from './helpers';
import { languageServerPids } from './serverProcess';

const STALE = ' (stale: server stopped)';

function isStale(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.message.endsWith(STALE);
}

suite('a server stopped for good in a real VS Code', () => {
  teardown(closeAllEditors);

  test('diagnostics are kept and marked stale, commands answer, and Restart Server brings fresh ones back', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const { document } = await openDocument('documented.yaml');
    const serverPid = (except?: number) =>
      waitFor('a language server process', () => {
        const pids = languageServerPids(extension.extensionPath);
        return pids.length === 1 && pids[0] !== except ? pids[0] : undefined;
      });
    // The inventory's diagnostic (kubelet-server-cert) too: what the user saw before the crashes.
    const fresh = () =>
      waitFor('fresh diagnostics of documented.yaml', () => {
        const found = ourDiagnostics(document.uri);
        return found.length > 0 &&
          !found.some(isStale) &&
          summarize(document, found).some((line) => line.startsWith('kubelet-server-cert'))
          ? found
          : undefined;
      });
    const before = summarize(document, await fresh());

    // Kill the server each time it has come back, until the client gives up.
    let pid = await serverPid();
    let stale: vscode.Diagnostic[] | undefined;
    for (let crash = 1; crash <= 5 && !stale; crash++) {
      process.kill(pid, 'SIGKILL');
      const next = await waitFor('a restarted server or stale diagnostics', () => {
        const found = ourDiagnostics(document.uri);
        if (found.length > 0 && found.every(isStale)) return { stale: found };
        const pids = languageServerPids(extension.extensionPath);
        return pids.length === 1 && pids[0] !== pid ? { pid: pids[0] } : undefined;
      });
      if ('stale' in next) stale = next.stale;
      else {
        pid = next.pid;
        await fresh();
      }
    }
    assert.ok(stale, 'the client gave up within five crashes');
    assert.deepEqual(summarize(document, stale), before, 'the same diagnostics, where they were');
    assert.deepEqual(languageServerPids(extension.extensionPath), [], 'no server runs');
    for (const diagnostic of stale) assert.equal(diagnostic.source, 'renew-revocation');

    // The give-up is in the output once (the client logs it; the notification carries the buttons).
    await vscode.commands.executeCommand('renewRevocation.showOutput');
    const output = await waitFor('the give-up in the output', () => {
      const text = outputChannelText();
      return text?.includes('was not restarted') ? text : undefined;
    });
    const gaveUp = output.match(/crashed \d times within 3 minutes and was not restarted/g) ?? [];
    assert.equal(gaveUp.length, 1, output);

    // A command now answers with a notification, not a rejected "Client is not running".
    await vscode.commands.executeCommand(
      'renewRevocation.decodeCertificateFile',
      workspaceUri('fixture-pki/leaf-server.der'),
    );
    assert.notEqual(vscode.window.activeTextEditor?.document.uri.scheme, 'renew-revocation-decoded');

    await vscode.commands.executeCommand('renewRevocation.restartServer');
    pid = await serverPid();
    assert.deepEqual(summarize(document, await fresh()), before);

    // A clean crash record: one crash after the restart is restarted again.
    process.kill(pid, 'SIGKILL');
    await serverPid(pid);
    assert.deepEqual(summarize(document, await fresh()), before);
  });
});
