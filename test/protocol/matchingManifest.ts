// A manifest for the protocol tests over the fixture workspace (previewWorkspace.ts), with entries
// that match one certificate, two, a CA found in two files, nothing, and one that its notBefore
// keeps from the CA; and a server started in that workspace with its first scan done.
import { startForTest, type LspTestClient, type StartOptions } from './lspClient';
import type { PreviewWorkspace } from './previewWorkspace';

export const MATCHING_MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: hints
  namespace: kube-system
spec:
  revocations:
  - kind: serialnumber
    serialNumber: "7f0102030405060708090a0b0c0d0e0f10111213"
  - kind: serialnumber
    serialNumber: "0e"
  - kind: Group
    group: system:nodes
  - kind: serialnumber
    serialNumber: "01"
    notBefore: "2021-01-01T00:00:00Z"
  - kind: DNS
    dns: .cluster.local
  - kind: IP
    ip: 10.9.9.9
  - kind: serialnumber
    serialNumber: "01"
    notBefore: "2019-01-01T00:00:00Z"
`;

/** A server in the fixture workspace (its `ignored/` folder excluded: six certificates), once the first scan is done. */
export async function startInFixtureWorkspace(
  t: { after(fn: () => void): void },
  workspace: PreviewWorkspace,
  options: StartOptions = {},
): Promise<LspTestClient> {
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    watchedFiles: true,
    workspaceFolders: [workspace.folderUri],
    filesExclude: { '**/ignored': true },
    settings: {},
    ...options,
  });
  await client.waitForProgressEnds(1);
  return client;
}
