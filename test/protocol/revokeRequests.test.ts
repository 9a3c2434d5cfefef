// Revoke Certificate… over the protocol: the hover's command link (only for a client that asks
// for it), the certificates a client can pick from, and the revocation answered as the exact edit
// of the open manifest, not twice, or as a new manifest.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CertificatesResult, RevokeCertificatesParams, RevokeCertificatesResult } from '../../server/src/protocol';
import { startInNewWorkspace } from './previewWorkspace';

const KUBELET_CLIENT = 'c0ffee0000000000000000000000000001';
const NOT_BEFORE = '2030-01-01T00:00:00Z';

const TARGET = `# incident 7
apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: incident
  namespace: kube-system
spec:
  revocations:
  - kind: serialnumber   # the old one
    serialNumber: "ab"
    notBefore: "2024-01-01T00:00:00Z"
`;

test('the certificate hover links to Revoke Certificate only for a client that asks for links', async (t) => {
  for (const [options, expected] of [
    [{ revokeCommandLinks: true }, true],
    [undefined, false],
  ] as const) {
    const { workspace, client } = await startInNewWorkspace(t, options);
    const uri = workspace.uri('pki/kubelet-client.crt');
    await client.open(uri, readFileSync(workspace.path('pki/kubelet-client.crt'), 'utf8'), 'pem');
    const hover = await client.request<Hover>(HoverRequest.method, {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    });
    const markdown = (hover.contents as MarkupContent).value;
    const link = /\[Revoke this certificate…\]\(command:renewRevocation\.revokeCertificate\?([^ )]+) "/.exec(markdown);
    assert.equal(link !== null, expected, markdown);
    if (link) {
      const [args] = JSON.parse(decodeURIComponent(link[1])) as [{ fingerprints: string[] }];
      assert.match(args.fingerprints[0], /^[0-9a-f]{64}$/);
    }
  }
});

test('the inventory to pick from, and the revocation as one edit of the open manifest, once', async (t) => {
  const { workspace, client } = await startInNewWorkspace(t, { revokeCommandLinks: true });
  const listed = await client.request<CertificatesResult>('renewRevocation/certificates', {});
  const kubelet = listed.certificates.find((certificate) => certificate.serialNumber === KUBELET_CLIENT);
  assert.ok(kubelet, JSON.stringify(listed.certificates.map((certificate) => certificate.serialNumber)));
  assert.deepEqual(
    { ...kubelet, fingerprint: undefined, notAfter: undefined },
    {
      fingerprint: undefined,
      name: 'CN=system:node:node-1',
      subject: 'CN=system:node:node-1,O=system:nodes',
      issuer: 'CN=Fixture Intermediate CA,OU=Kubernetes,O=renew-revocation fixtures,C=US',
      serialNumber: KUBELET_CLIENT,
      groups: ['system:nodes'],
      dnsNames: [],
      ipAddresses: [],
      paths: ['pki/kubelet-client.crt'],
      notAfter: undefined,
      isCA: false,
      notRevocable: false,
    },
  );

  const uri = workspace.uri('manifests/incident.yaml');
  await client.open(uri, TARGET);
  const params: RevokeCertificatesParams = {
    fingerprints: [kubelet.fingerprint],
    notBefore: NOT_BEFORE,
    target: { uri },
  };
  const result = await client.request<RevokeCertificatesResult>('renewRevocation/revokeCertificates', params);
  assert.deepEqual(result, {
    added: [{ name: 'CN=system:node:node-1', serialNumber: KUBELET_CLIENT }],
    alreadyRevoked: [],
    refused: [],
    changes: {
      [uri]: [
        {
          range: { start: { line: 11, character: 0 }, end: { line: 11, character: 0 } },
          newText:
            '  - description: Revoke CN=system:node:node-1 (issuer CN=Fixture Intermediate CA), found in pki/kubelet-client.crt\n' +
            '    kind: serialnumber\n' +
            `    notBefore: "${NOT_BEFORE}"\n` +
            `    serialNumber: ${KUBELET_CLIENT}\n`,
        },
      ],
    },
  });
  const edited = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, TARGET), result.changes![uri]);
  await client.change(uri, 2, [{ text: edited }]);
  const again = await client.request<RevokeCertificatesResult>('renewRevocation/revokeCertificates', params);
  assert.deepEqual(again, {
    added: [],
    alreadyRevoked: [
      {
        name: 'CN=system:node:node-1',
        serialNumber: KUBELET_CLIENT,
        entry: 'entry #2 (line 12) of kube-system/incident',
      },
    ],
    refused: [],
  });

  const created = await client.request<RevokeCertificatesResult>('renewRevocation/revokeCertificates', {
    ...params,
    target: { newManifest: { name: 'node-1' } },
  });
  assert.match(created.newManifestText ?? '', /\n {2}name: node-1\n {2}namespace: kube-system\n/);
  assert.ok(created.newManifestText?.endsWith(`    serialNumber: ${KUBELET_CLIENT}\n`), created.newManifestText);

  const serving = listed.certificates.find((certificate) => certificate.notRevocable);
  assert.ok(serving);
  const refused = await client.request<RevokeCertificatesResult>('renewRevocation/revokeCertificates', {
    ...params,
    fingerprints: [serving.fingerprint],
  });
  assert.deepEqual(refused.added, []);
  assert.match(refused.refused[0], /is a kubelet serving certificate, which AKS hybrid cannot revoke/);
  assert.equal(refused.changes, undefined);
});
