// A throwaway workspace for the inventory and preview protocol tests, made of fixture PKI files:
// four certificate files and a kubeconfig (six distinct certificates, the root CA found twice),
// a manifest whose four entries hit a kubelet's two certificates (one not revocable), the
// apiserver, the root CA and nothing, plus files the scan must skip (node_modules, a folder in
// files.exclude, a text file no glob names). A second folder outside the workspace stands for
// renewRevocation.certificatePaths.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot, startForTest, type LspTestClient } from './lspClient';

const PKI = join(repoRoot(), 'test', 'fixtures', 'pki');

export const MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: preview-test
  namespace: kube-system
spec:
  revocations:
  - kind: Group
    group: system:nodes
    notBefore: "2030-01-01T00:00:00Z"
  - kind: DNS
    dns: .cluster.local
    notBefore: "2025-01-01T00:00:00Z"
  - kind: serialnumber
    serialNumber: "01"
  - kind: DNS
    dns: zoe.example.org
    notBefore: "2026-01-01T00:00:00Z"
`;

export interface PreviewWorkspace {
  folder: string;
  folderUri: string;
  /** A folder outside the workspace (for renewRevocation.certificatePaths) holding `expired.crt`. */
  outside: string;
  manifestPath: string;
  manifestUri: string;
  path(relative: string): string;
  uri(relative: string): string;
  /** Copies a fixture file into the workspace. */
  addFixture(fixture: string, relative: string): string;
}

export function makePreviewWorkspace(t: { after(fn: () => void): void }): PreviewWorkspace {
  const base = mkdtempSync(join(tmpdir(), 'renew-revocation-preview-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const folder = join(base, 'workspace');
  const outside = join(base, 'outside-pki');
  const path = (relative: string) => join(folder, ...relative.split('/'));
  const addFixture = (fixture: string, relative: string) => {
    const target = path(relative);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(PKI, fixture), target);
    return target;
  };
  for (const name of ['root-ca.crt', 'leaf-server.crt', 'kubelet-client.crt', 'kubelet-serving.crt'])
    addFixture(name, `pki/${name}`);
  addFixture('admin.kubeconfig', 'admin.kubeconfig');
  // Never read: node_modules, a folder in files.exclude, a file no glob names.
  addFixture('expired.crt', 'node_modules/some-package/expired.crt');
  addFixture('not-yet-valid.crt', 'ignored/not-yet-valid.crt');
  addFixture('odd-subject.crt', 'notes/odd-subject.txt');
  mkdirSync(path('manifests'), { recursive: true });
  writeFileSync(path('manifests/revoke.yaml'), MANIFEST);
  mkdirSync(outside, { recursive: true });
  copyFileSync(join(PKI, 'expired.crt'), join(outside, 'expired.crt'));
  const uri = (relative: string) => pathToFileURL(path(relative)).toString();
  return {
    folder,
    folderUri: pathToFileURL(folder).toString(),
    outside,
    manifestPath: path('manifests/revoke.yaml'),
    manifestUri: uri('manifests/revoke.yaml'),
    path,
    uri,
    addFixture,
  };
}

/** A server started in a new preview workspace, once its first inventory scan has ended. */
/** A server over the workspace as an editor starts it: progress, configuration, its folder, `ignored` excluded. */
export function startInPreviewWorkspace(
  t: { after(fn: () => void): void },
  workspace: PreviewWorkspace,
): Promise<LspTestClient> {
  return startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    workspaceFolders: [workspace.folderUri],
    filesExclude: { '**/ignored': true },
    settings: {},
  });
}

export async function startInNewWorkspace(
  t: { after(fn: () => void): void },
  initializationOptions?: unknown,
): Promise<{ workspace: PreviewWorkspace; client: LspTestClient }> {
  const workspace = makePreviewWorkspace(t);
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    watchedFiles: true,
    workspaceFolders: [workspace.folderUri],
    settings: {},
    initializationOptions,
  });
  await client.waitForProgressEnds(1);
  return { workspace, client };
}
