// Completion from the certificate inventory over the protocol: the built server scans a workspace
// of fixture certificates (openssl-made), then offers their serials, groups, DNS names and IPs
// after the value fields, in rank order, as a complete list; `apiVersion` asks for its value at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startForTest, type LspTestClient } from './lspClient';
import { makePreviewWorkspace, startInPreviewWorkspace } from './previewWorkspace';

const HEAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: completion
spec:
  revocations:
`;

/** Opens `text` (its `|` the cursor) as a new document and asks for completion at the cursor. */
async function completeAt(client: LspTestClient, uri: string, text: string): Promise<CompletionList> {
  const cursor = text.indexOf('|');
  const written = text.slice(0, cursor) + text.slice(cursor + 1);
  const before = written.slice(0, cursor).split('\n');
  await client.open(uri, written);
  return client.request<CompletionList>(CompletionRequest.method, {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length },
  });
}

test('value fields complete from the inventory: serials, groups, DNS names, IPs, best ranked first', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInPreviewWorkspace(t, workspace);
  await client.waitForProgressEnds(1);
  let typedFiles = 0;
  const uri = () => workspace.uri(`manifests/typing-${++typedFiles}.yaml`);

  const serials = await completeAt(client, uri(), `${HEAD}  - kind: serialnumber\n    serialNumber: |\n`);
  assert.equal(serials.isIncomplete, false);
  // Six distinct certificates (the kubeconfig's root CA is the workspace's root CA): all valid, one
  // serial each, so ordered by subject.
  assert.deepEqual(
    serials.items.map((item) => [item.label, item.detail]),
    [
      [
        '8a3f0c21d4e5f60718293a4b5c6d7e8f',
        'CN=Fixture Intermediate CA,OU=Kubernetes,O=renew-revocation fixtures,C=US · expires 2045-01-01',
      ],
      ['1', 'CN=Fixture Root CA,O=renew-revocation fixtures,C=US · expires 2049-12-31'],
      [
        '7f0102030405060708090a0b0c0d0e0f10111213',
        'CN=kube-apiserver,O=renew-revocation fixtures · expires 2035-01-01',
      ],
      ['2a', 'CN=kubernetes-admin,O=system:masters · expires 2035-01-01'],
      ['5e', 'CN=system:node:node-1,O=system:nodes · expires 2031-07-01'],
      ['c0ffee0000000000000000000000000001', 'CN=system:node:node-1,O=system:nodes · expires 2030-06-29'],
    ],
  );
  const root = serials.items[1];
  assert.equal(root.kind, CompletionItemKind.Value);
  assert.equal((root.textEdit as TextEdit).newText, '"1"');

  const typed = await completeAt(client, uri(), `${HEAD}  - kind: serialnumber\n    serialNumber: "5|"\n`);
  // Typed `5`: the serial that starts with it, then those that contain it, then the rest.
  assert.deepEqual(
    typed.items.map((item) => [item.label, item.sortText, item.filterText]),
    [
      ['5e', '00000', '"5e"'],
      ['8a3f0c21d4e5f60718293a4b5c6d7e8f', '10001', '"8a3f0c21d4e5f60718293a4b5c6d7e8f"'],
      ['7f0102030405060708090a0b0c0d0e0f10111213', '10002', '"7f0102030405060708090a0b0c0d0e0f10111213"'],
      ['1', '20003', '"1"'],
      ['2a', '20004', '"2a"'],
      ['c0ffee0000000000000000000000000001', '20005', '"c0ffee0000000000000000000000000001"'],
    ],
  );

  const groups = await completeAt(client, uri(), `${HEAD}  - kind: Group\n    group: |\n`);
  assert.deepEqual(
    groups.items.map((item) => [item.label, item.detail]),
    [
      ['renew-revocation fixtures', 'O of 3 certificates'],
      ['system:nodes', 'O of 2 certificates'],
      ['system:masters', 'O of 1 certificate'],
    ],
  );

  const names = await completeAt(client, uri(), `${HEAD}  - kind: DNS\n    dns: |\n`);
  assert.deepEqual(
    names.items.map((item) => item.label),
    ['*.apps.example.com', 'api.cluster.local', 'kubernetes.default.svc.', 'KubeRnetes.Example.COM', 'node-1'],
  );
  assert.equal((names.items[0].textEdit as TextEdit).newText, '"*.apps.example.com"');

  const addresses = await completeAt(client, uri(), `${HEAD}  - kind: IP\n    ip: |\n`);
  assert.deepEqual(
    addresses.items.map((item) => item.label),
    ['10.0.0.1', '2001:db8::1', '::ffff:10.0.0.2', 'fe80::1:0:0:5', '192.168.10.21'],
  );
});

test('`apiVersion` carries the command that suggests its one value as soon as it is inserted', async (t) => {
  const client = await startForTest(t);
  const list = await completeAt(client, 'file:///tmp/new-manifest.yaml', '|');
  const apiVersion = list.items.find((item) => item.label === 'apiVersion');
  assert.deepEqual(apiVersion?.command, { title: 'Suggest the value', command: 'editor.action.triggerSuggest' });
  assert.equal((apiVersion?.textEdit as TextEdit).newText, 'apiVersion: ');
});
