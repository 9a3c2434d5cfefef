import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openDocument, positionOf, waitFor } from './helpers';

/** `path:line` of each location, relative to the workspace folder, sorted. */
function places(locations: readonly (vscode.Location | vscode.LocationLink)[]): string[] {
  return locations
    .map((location) => {
      const uri = 'targetUri' in location ? location.targetUri : location.uri;
      const range = 'targetRange' in location ? location.targetRange : location.range;
      return `${vscode.workspace.asRelativePath(uri)}:${range.start.line}`;
    })
    .sort();
}

suite('navigation in a real VS Code', () => {
  teardown(closeAllEditors);

  test('go to definition on an entry value lists the certificates it matches, one place each', async () => {
    const { document } = await openDocument('documented.yaml');
    const definitions = (needle: string) =>
      waitFor(`the definitions of ${needle} (once the inventory is read)`, async () => {
        const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
          'vscode.executeDefinitionProvider',
          document.uri,
          positionOf(document, needle, 1),
        );
        return found.length > 0 ? found : undefined;
      });
    assert.deepEqual(places(await definitions('77fdf4b1033b387aaace6ce1c18710c2')), ['pki/front-proxy-client.crt:0']);
    // The examples' kubelet certificates, and the fixture Secret's kubelet serving certificate (its DER data).
    assert.deepEqual(places(await definitions('system:nodes')), [
      'fixture-pki/secret.yaml:10',
      'pki/kubelet-client-moc-node-1.crt:0',
      'pki/kubelet-client-moc-node-2.crt:0',
      'pki/kubelet-serving-moc-node-1.crt:0',
    ]);
  });

  test('find references on a certificate lists the entries of the workspace manifests that match it', async () => {
    const { document } = await openDocument('pki/front-proxy-client.crt');
    const references = await waitFor('the references of the front-proxy certificate', async () => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        document.uri,
        new vscode.Position(2, 3),
      );
      return found.length >= 4 ? found : undefined;
    });
    // The canonical serial, and the colon form the warnings example and the quick-fix file use.
    // revoke-target.yaml is left out: the Revoke Certificate tests add entries to it, so what it
    // holds depends on which suite ran first.
    const stable = places(references).filter((place) => !place.startsWith('revoke-target.yaml:'));
    assert.deepEqual(stable, ['documented.yaml:11', 'quick-fix.yaml:11', 'warnings.yaml:12', 'warnings.yaml:16']);
  });
});
