// "Replace with N serial-number entries" over the protocol: on broad-revocation and
// missing-not-before, with the workspace inventory scanned, the exact edit that turns a broad
// entry into serial entries; not offered where the inventory holds no certificate it revokes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rangeOf } from './lspClient';
import { startInNewWorkspace } from './previewWorkspace';

const KUBELET_CLIENT = 'c0ffee0000000000000000000000000001';
const APISERVER = '7f0102030405060708090a0b0c0d0e0f10111213';
const INTERMEDIATE = 'CN=Fixture Intermediate CA';

const BROAD = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: broad
  namespace: kube-system
spec:
  revocations:
  # every node, before 2030
  - kind: Group
    group: system:nodes
    notBefore: "2030-01-01T00:00:00Z"
  - kind: DNS   # no notBefore
    dns: api.cluster.local
  - kind: DNS
    dns: .nowhere
    notBefore: "2025-01-01T00:00:00Z"
`;

const TITLE_ONE =
  "Replace with 1 serial-number entry (the inventory's matches; certificates outside the inventory are not covered)";

test('broad entries become serial entries of the inventory matches; no match, no fix', async (t) => {
  const { workspace, client } = await startInNewWorkspace(t);
  const uri = workspace.uri('manifests/broad.yaml');
  await client.open(uri, BROAD);
  const published = await client.waitForDiagnostics(uri);
  const actionsAt = async (needle: string, code: string) => {
    const diagnostic = published.diagnostics.find(
      (candidate: Diagnostic) =>
        candidate.code === code && candidate.range.start.line === rangeOf(BROAD, needle).start.line,
    );
    assert.ok(diagnostic, `${code} on ${needle}: ${JSON.stringify(published.diagnostics)}`);
    const actions = await client.request<CodeAction[]>(CodeActionRequest.method, {
      textDocument: { uri },
      range: rangeOf(BROAD, needle),
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    return actions.filter((action) => action.title.startsWith('Replace with'));
  };

  // broad-revocation, with notBefore: the serial entry keeps it; the kubelet serving certificate
  // the group also matches is not revocable, so it gets no entry.
  const [group, ...moreForGroup] = await actionsAt('system:nodes', 'broad-revocation');
  assert.deepEqual(moreForGroup, []);
  assert.equal(group.title, TITLE_ONE);
  assert.equal(group.diagnostics?.[0].code, 'broad-revocation');
  assert.deepEqual(group.edit?.changes?.[uri], [
    {
      range: { start: { line: 8, character: 4 }, end: { line: 10, character: 37 } },
      newText:
        `description: Revoke CN=system:node:node-1 (issuer ${INTERMEDIATE}), found in pki/kubelet-client.crt\n` +
        '    kind: serialnumber\n' +
        '    notBefore: "2030-01-01T00:00:00Z"\n' +
        `    serialNumber: ${KUBELET_CLIENT}`,
    },
  ]);
  const fixedGroup = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, BROAD), group.edit!.changes![uri]);
  assert.ok(fixedGroup.includes('  # every node, before 2030\n  - description: Revoke CN=system:node:node-1'));
  assert.ok(fixedGroup.endsWith(BROAD.slice(BROAD.indexOf('  - kind: DNS   # no notBefore'))));

  // missing-not-before: the serial entry gets notBefore now (whole seconds, UTC).
  const [dns] = await actionsAt('api.cluster.local', 'missing-not-before');
  assert.equal(dns.title, TITLE_ONE);
  const [edit] = dns.edit!.changes![uri];
  assert.deepEqual(edit.range, { start: { line: 11, character: 4 }, end: { line: 12, character: 26 } });
  assert.match(
    edit.newText,
    new RegExp(
      '^description: Revoke CN=kube-apiserver \\(issuer .*\\), found in pki/leaf-server\\.crt\\n' +
        ' {4}kind: serialnumber\\n {4}notBefore: "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"\\n' +
        ` {4}serialNumber: ${APISERVER}$`,
    ),
  );

  // A one-label suffix that matches nothing in the inventory: broad-revocation, and no replacement.
  assert.deepEqual(await actionsAt('.nowhere', 'broad-revocation'), []);
});
