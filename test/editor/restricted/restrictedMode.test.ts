// Restricted mode in a real VS Code: workspace trust on, a workspace no one trusted, and the
// machine setting renewRevocation.certificatePaths naming a folder outside it with a certificate the
// manifest revokes (restrictedWorkspace.mjs sets the window up). What a user sees: the manifest's
// own diagnostics as anywhere, the certificate in the workspace previewed, the one outside not
// (no-match, lens, hover), and the output saying why.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  expectDiagnostics,
  hoverAt,
  hoverText,
  openDocument,
  outputChannelText,
  positionOf,
  waitFor,
} from '../suite/helpers';

/** The folder outside the workspace that the machine settings name (the one certificatePaths entry). */
function outsideFolder(): string {
  const paths = vscode.workspace.getConfiguration('renewRevocation').get<string[]>('certificatePaths') ?? [];
  assert.equal(paths.length, 1, `one folder in renewRevocation.certificatePaths: ${JSON.stringify(paths)}`);
  return paths[0];
}

/** The titles of the code lenses over the document, top to bottom, once the entry counts are there. */
async function lensTitles(uri: vscode.Uri, count: number): Promise<string[]> {
  return waitFor(`${count} code lenses of ${uri.path}`, async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const titles = lenses
      .slice()
      .sort((a, b) => a.range.start.line - b.range.start.line)
      .map((lens) => lens.command?.title ?? '');
    return titles.length === count ? titles : undefined;
  });
}

suite('restricted mode (an untrusted workspace) in a real VS Code', () => {
  teardown(closeAllEditors);

  test('the workspace is not trusted, and certificatePaths names a folder outside it holding a certificate', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const folder = outsideFolder();
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(
      workspaceFolder && !folder.startsWith(`${workspaceFolder}/`) && folder !== workspaceFolder,
      `${folder} is outside ${workspaceFolder}`,
    );
    // The test would pass for nothing if the folder were empty: a trusted workspace reads this file.
    assert.ok(existsSync(join(folder, 'admin-client.crt')), `${folder}/admin-client.crt exists`);
  });

  test('the manifest gets its diagnostics; the certificate outside the workspace is not in the inventory', async () => {
    const { document } = await openDocument('restricted.yaml');
    // kind-case: value rules work in restricted mode. no-match: the admin certificate (serial 2a)
    // lives only in the folder outside, so the inventory (the workspace's one certificate) misses it.
    await expectDiagnostics(document, ['kind-case 18:10-18:12 ip', 'no-match 15:18-15:20 2a']);

    assert.deepEqual(await lensTitles(document.uri, 4), [
      'Preview revocation',
      'revokes 1 certificate',
      'matches no certificate of the inventory',
      'revokes 1 certificate',
    ]);

    const inside = hoverText(
      await hoverAt(document.uri, positionOf(document, '7f0102030405060708090a0b0c0d0e0f10111213', 2)),
    );
    assert.ok(inside.includes('**This entry revokes 1 certificate** of the 1 certificate in the inventory:'), inside);
    assert.ok(
      inside.includes(
        '- `CN=kube-apiserver,O=renew-revocation fixtures` serial `7f0102030405060708090a0b0c0d0e0f10111213`, issued 2024-01-01T00:00:00Z, in `pki/leaf-server.crt`',
      ),
      inside,
    );

    const outside = hoverText(await hoverAt(document.uri, positionOf(document, 'serialNumber: 2a', 15)));
    assert.ok(
      outside.includes(
        '**Matches none of the 1 certificate of the inventory.** Certificates outside the inventory may still match.',
      ),
      outside,
    );
    assert.ok(!outside.includes('kubernetes-admin') && !outside.includes('admin-client.crt'), outside);
  });

  test('the output says the folder outside the workspace is not read because the workspace is not trusted', async () => {
    await openDocument('restricted.yaml');
    const expected = `renewRevocation.certificatePaths: ${outsideFolder()} is outside the workspace, and the workspace is not trusted (restricted mode); it is not read`;
    // Show Output again while the channel's text is not there: here a first show now and then
    // (2 runs of about 30) left no document with the channel's text within 10 s.
    let last: string | undefined;
    let shown = 0;
    const output = await waitFor(
      'the ignored folder in the output channel',
      async () => {
        if (Date.now() - shown > 3_000) {
          await vscode.commands.executeCommand('renewRevocation.showOutput');
          shown = Date.now();
        }
        last = outputChannelText();
        return last?.includes(expected) ? last : undefined;
      },
      20_000,
    ).catch(() => {
      const open = vscode.workspace.textDocuments.map((document) => document.uri.toString()).join(', ');
      return assert.fail(
        `the output channel does not say: ${expected}\n--- it says:\n${last ?? `(no document with the channel's text; open: ${open})`}`,
      );
    });
    assert.match(output, /Certificate inventory: 1 certificates from \d+ files/);
  });
});
