import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, hoverAt, hoverText, openDocument, waitFor, workspaceUri } from './helpers';

const COMMAND = 'renewRevocation.revokeCertificate';
const APISERVER_SERIAL = '7f0102030405060708090a0b0c0d0e0f10111213';
const NOT_BEFORE = '2030-01-01T00:00:00Z';
/** The inventory's first place for the certificate (paths in order), and how many others it knows. */
const FOUND_IN = 'fixture-pki/bundle.pem (and 3 more places)';

/** The target manifest, open in a pinned editor beside the others. */
async function openTarget(): Promise<{ document: vscode.TextDocument; before: string }> {
  const { document } = await openDocument('revoke-target.yaml');
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
  return { document, before: document.getText() };
}

/** Puts the target back as it is on disk, whatever editor shows it (or none does). */
async function revertTarget(): Promise<void> {
  const document = await vscode.workspace.openTextDocument(workspaceUri('revoke-target.yaml'));
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** The entry the command appends for the fixture's kube-apiserver certificate. */
function apiserverEntry(notBefore: string, foundIn: string): string {
  return [
    `  - description: Revoke CN=kube-apiserver (issuer CN=Fixture Intermediate CA), found in ${foundIn}`,
    '    kind: serialnumber',
    `    notBefore: "${notBefore}"`,
    `    serialNumber: ${APISERVER_SERIAL}`,
    '',
  ].join('\n');
}

async function manifestChanged(document: vscode.TextDocument, before: string): Promise<string> {
  return waitFor('the manifest to get the entry', () =>
    document.getText() !== before ? document.getText() : undefined,
  );
}

/** Accepts the open quick pick or input box until the manifest changes (the command prompts asynchronously). */
async function acceptPromptsUntilChanged(document: vscode.TextDocument, before: string): Promise<string> {
  return waitFor('the prompts to be answered and the entry added', async () => {
    if (document.getText() !== before) return document.getText();
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await new Promise((resolve) => setTimeout(resolve, 200));
    return undefined;
  });
}

suite('Revoke Certificate in a real VS Code', () => {
  teardown(async () => {
    await revertTarget();
    await closeAllEditors();
  });

  test('the hover card links to the command; following it adds one serial entry, once', async () => {
    const { document: target, before } = await openTarget();
    const { document } = await openDocument('fixture-pki/leaf-server.crt');
    const card = hoverText(await hoverAt(document.uri, new vscode.Position(4, 3)));
    const link = /\[Revoke this certificate…\]\(command:renewRevocation\.revokeCertificate\?([^ )]+) "/.exec(card);
    assert.ok(link, card);
    const [args] = JSON.parse(decodeURIComponent(link[1])) as [{ fingerprints: string[] }];
    assert.equal(args.fingerprints.length, 1);
    await vscode.commands.executeCommand(COMMAND, { ...args, target: target.uri.toString(), notBefore: NOT_BEFORE });
    const after = await manifestChanged(target, before);
    assert.equal(after, before + apiserverEntry(NOT_BEFORE, FOUND_IN));
    // Again: the entry that revokes it is named and nothing is added.
    await vscode.commands.executeCommand(COMMAND, { ...args, target: target.uri.toString(), notBefore: NOT_BEFORE });
    assert.equal(target.getText(), after);
  });

  test('from the decoded view: the certificate of the decoded file', async () => {
    const { document: target, before } = await openTarget();
    await vscode.commands.executeCommand(
      'renewRevocation.decodeCertificateFile',
      workspaceUri('fixture-pki/leaf-server.der'),
    );
    await waitFor('the decoded view', () =>
      vscode.window.activeTextEditor?.document.uri.scheme === 'renew-revocation-decoded' ? true : undefined,
    );
    await vscode.commands.executeCommand(COMMAND, { target: target.uri.toString(), notBefore: NOT_BEFORE });
    const after = await manifestChanged(target, before);
    assert.equal(after, before + apiserverEntry(NOT_BEFORE, FOUND_IN));
  });

  test("a preview row's fingerprints: the previewed manifest is offered first, notBefore now by default", async () => {
    const { document: target, before } = await openTarget();
    const { document } = await openDocument('fixture-pki/leaf-server.crt');
    const card = hoverText(await hoverAt(document.uri, new vscode.Position(4, 3)));
    const fingerprint = /%22fingerprints%22%3A%5B%22([0-9a-f]{64})%22/.exec(card)?.[1];
    assert.ok(fingerprint, card);
    const started = Date.now();
    // What the preview panel runs for a row's "Revoke…" button (or the selected rows).
    void vscode.commands.executeCommand(COMMAND, {
      fingerprints: [fingerprint],
      preferredTarget: target.uri.toString(),
    });
    const after = await acceptPromptsUntilChanged(target, before);
    const notBefore = /notBefore: "([^"]+)"\n {4}serialNumber: 7f01/.exec(after)?.[1];
    assert.ok(notBefore && Math.abs(Date.parse(notBefore) - started) < 120_000, after);
    assert.equal(after, before + apiserverEntry(notBefore, FOUND_IN));
  });

  test('from the palette: the quick pick searches the inventory by serial', async () => {
    const { document: target, before } = await openTarget();
    void vscode.commands.executeCommand(COMMAND, {
      search: APISERVER_SERIAL,
      target: target.uri.toString(),
      notBefore: NOT_BEFORE,
    });
    const after = await acceptPromptsUntilChanged(target, before);
    assert.equal(after, before + apiserverEntry(NOT_BEFORE, FOUND_IN));
  });
});
