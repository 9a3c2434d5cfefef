import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PreviewResult } from '../../../server/src/protocol';
import { closeAllEditors, openDocument, waitFor } from './helpers';

// The workspace inventory: the examples' cluster (pki/) and the fixture PKI (test/editor/editorWorkspace.mjs).
suite('the revocation preview of the documented example, as data', () => {
  teardown(closeAllEditors);

  test('revokes the certificates the CLI names, and lists the kubelet serving ones as not revocable', async () => {
    const { document } = await openDocument('documented.yaml');
    const preview = await waitFor('the complete preview', async () => {
      const result = await vscode.commands.executeCommand<PreviewResult | null>(
        'renewRevocation.previewResult',
        document.uri,
      );
      return result && !result.scanning && result.certificatesScanned === 13 ? result : undefined;
    });
    // A source is a path on Node and a URI in the browser (the worker reads through the editor):
    // shown relative to the workspace, both read alike.
    const relative = (source: string) =>
      vscode.workspace.asRelativePath(
        /^[a-z][a-z0-9+.-]+:/.test(source) ? vscode.Uri.parse(source) : vscode.Uri.file(source),
      );
    const describe = (certificate: PreviewResult['revoked'][number]) =>
      `${certificate.serialNumber} ${certificate.sources.map(relative).join(',')}`;
    assert.deepEqual(preview.revoked.map(describe).sort(), [
      '3a1f pki/apiserver.crt',
      '4b07 pki/metrics-server.crt',
      '6c01 pki/kubelet-client-moc-node-1.crt',
      '6c02 pki/kubelet-client-moc-node-2.crt',
      '77fdf4b1033b387aaace6ce1c18710c2 pki/front-proxy-client.crt',
      '7f0102030405060708090a0b0c0d0e0f10111213 fixture-pki/bundle.pem,fixture-pki/leaf-server.crt,fixture-pki/leaf-server.der,fixture-pki/secret.yaml',
    ]);
    assert.deepEqual(preview.notRevocable.map(describe).sort(), [
      '5e fixture-pki/secret.yaml',
      '6d01 pki/kubelet-serving-moc-node-1.crt',
    ]);
    assert.equal(preview.keptTotal, 5);
  });
});
