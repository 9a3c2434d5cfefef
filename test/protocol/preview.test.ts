// The certificate inventory and the revocation preview over the protocol, against the built
// server and a real workspace folder on disk: the background scan (with work-done progress), the
// inventory diagnostics, the `renewRevocation/preview` request, code lenses, entry hovers, a file
// created while the server runs, and renewRevocation.certificatePaths with and without trust.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  CodeLensRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CodeLens,
  type Diagnostic,
  type Hover,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import type { PreviewResult } from '../../server/src/protocol';
import { rangeOf, repoRoot, startForTest, type LspTestClient, type StartOptions } from './lspClient';
import { MANIFEST, makePreviewWorkspace, type PreviewWorkspace, startInPreviewWorkspace } from './previewWorkspace';

const INVENTORY_CODES = new Set(['no-match', 'matches-ca', 'kubelet-server-cert']);

function inventoryDiagnostics(params: PublishDiagnosticsParams): Diagnostic[] {
  return params.diagnostics.filter((diagnostic) => INVENTORY_CODES.has(String(diagnostic.code)));
}

async function startInWorkspace(
  t: { after(fn: () => void): void },
  workspace: PreviewWorkspace,
  options: StartOptions = {},
): Promise<LspTestClient> {
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    watchedFiles: true,
    codeLensRefresh: true,
    workspaceFolders: [workspace.folderUri],
    filesExclude: { '**/ignored': true, '**/*.tmp': false },
    settings: {},
    ...options,
  });
  await client.waitForProgressEnds(1);
  return client;
}

async function preview(client: LspTestClient, uri: string): Promise<PreviewResult> {
  const result = await client.request<PreviewResult | null>('renewRevocation/preview', { textDocument: { uri } });
  assert.ok(result, 'a preview');
  return result;
}

/** Asks until the answer is accepted (the inventory publishes after a short pause). */
async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last answer ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const subjects = (list: readonly { subject: string }[]) => list.map((certificate) => certificate.subject).sort();

test('the scan reports progress, then the open manifest gets the inventory diagnostics at its entries', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  const token = client.progressTokens[0];
  assert.ok(token !== undefined, 'a progress token was created');
  const kinds = client.progress.filter((entry) => entry.token === token).map((entry) => entry.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds[kinds.length - 1], 'end');
  assert.equal(client.progress.find((entry) => entry.value.kind === 'begin')?.value.title, 'Reading certificates');

  await client.open(workspace.manifestUri, MANIFEST);
  const published = await client.waitForDiagnostics(
    workspace.manifestUri,
    (params) => inventoryDiagnostics(params).length > 0,
  );
  assert.deepEqual(
    inventoryDiagnostics(published).map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range]),
    [
      ['kubelet-server-cert', 2, rangeOf(MANIFEST, 'system:nodes')],
      ['matches-ca', 2, rangeOf(MANIFEST, '"01"')],
      ['no-match', 3, rangeOf(MANIFEST, 'zoe.example.org')],
    ],
  );
  const messages = inventoryDiagnostics(published).map((diagnostic) => String(diagnostic.message));
  assert.equal(
    messages[0],
    'This entry matches 1 kubelet serving certificate: `CN=system:node:node-1,O=system:nodes`. AKS hybrid does not support revoking kubelet serving certificates, so they stay valid: rotate them on their nodes instead.',
  );
  assert.match(
    messages[1],
    /^This entry matches 1 CA certificate of the inventory: `CN=Fixture Root CA,O=renew-revocation fixtures,C=US`\./,
  );
  assert.equal(
    messages[2],
    'No certificate of the inventory (6 certificates) matches this entry: check the value. Certificates outside the inventory may still match.',
  );
});

test('renewRevocation/preview answers the preview JSON: exactly what is revoked, not revocable and kept, with sources', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const result = await preview(client, workspace.manifestUri);

  assert.equal(result.certificatesScanned, 6);
  assert.deepEqual(subjects(result.revoked), [
    'CN=Fixture Root CA,O=renew-revocation fixtures,C=US',
    'CN=kube-apiserver,O=renew-revocation fixtures',
    'CN=system:node:node-1,O=system:nodes',
  ]);
  assert.deepEqual(
    result.notRevocable.map((certificate) => [certificate.subject, certificate.serialNumber]),
    [['CN=system:node:node-1,O=system:nodes', '5e']],
  );
  assert.deepEqual(subjects(result.kept), [
    'CN=Fixture Intermediate CA,OU=Kubernetes,O=renew-revocation fixtures,C=US',
    'CN=kubernetes-admin,O=system:masters',
  ]);
  // Found twice: in its own file and in the kubeconfig, by OS path.
  const root = result.revoked.find((certificate) => certificate.serialNumber === '1');
  assert.deepEqual(root?.sources, [workspace.path('admin.kubeconfig'), workspace.path('pki/root-ca.crt')].sort());
  assert.deepEqual(root?.entries, [{ document: 0, index: 2 }]);
  assert.deepEqual(
    result.entries.map((entry) => [entry.kind, entry.value, entry.notBefore, entry.matches.length]),
    [
      ['Group', 'system:nodes', '2030-01-01T00:00:00Z', 2],
      ['DNS', '.cluster.local', '2025-01-01T00:00:00Z', 1],
      ['serialnumber', '01', null, 1],
      ['DNS', 'zoe.example.org', '2026-01-01T00:00:00Z', 0],
    ],
  );
  assert.deepEqual(
    result.entryLocations.map((location) => location.line),
    [8, 11, 14, 16],
  );
  assert.deepEqual(result.entryLocations[0].anchor, rangeOf(MANIFEST, 'system:nodes'));
  assert.equal(result.uri, workspace.manifestUri);
  assert.equal(result.documentVersion, 1);
  assert.equal(result.scanning, false);
  assert.match(
    result.notes[0],
    /^This preview covers the 6 certificates of the inventory only: matching certificates outside it/,
  );
  assert.deepEqual(result.problems, []);
});

test('a document that is not open has no preview', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  assert.equal(await client.request('renewRevocation/preview', { textDocument: { uri: workspace.manifestUri } }), null);
});

test('code lenses: "Preview revocation" over the manifest and each entry with its count', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const lenses = await client.request<CodeLens[]>(CodeLensRequest.method, {
    textDocument: { uri: workspace.manifestUri },
  });
  assert.deepEqual(
    lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments]),
    [
      [0, 'Preview revocation', 'renewRevocation.previewRevocation', [workspace.manifestUri, { document: 0 }]],
      [
        7,
        'revokes 1 certificate (1 not revocable)',
        'renewRevocation.previewRevocation',
        [workspace.manifestUri, { document: 0, index: 0 }],
      ],
      [
        10,
        'revokes 1 certificate',
        'renewRevocation.previewRevocation',
        [workspace.manifestUri, { document: 0, index: 1 }],
      ],
      [
        13,
        'revokes 1 certificate (1 CA)',
        'renewRevocation.previewRevocation',
        [workspace.manifestUri, { document: 0, index: 2 }],
      ],
      [
        15,
        'matches no certificate of the inventory',
        'renewRevocation.previewRevocation',
        [workspace.manifestUri, { document: 0, index: 3 }],
      ],
    ],
  );
});

test('hover on an entry lists its matches; on notBefore, what it keeps and revokes', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const hoverAt = async (needle: string) => {
    const { start } = rangeOf(MANIFEST, needle);
    const hover = await client.request<Hover | null>(HoverRequest.method, {
      textDocument: { uri: workspace.manifestUri },
      position: { line: start.line, character: start.character + 1 },
    });
    assert.ok(hover && typeof hover.contents === 'object' && 'value' in hover.contents, `a hover on ${needle}`);
    return hover.contents.value;
  };
  const group = await hoverAt('system:nodes');
  assert.ok(
    group.includes('**This entry revokes 1 certificate (1 not revocable)** of the 6 certificates in the inventory:'),
    group,
  );
  assert.ok(
    group.includes(
      '- `CN=system:node:node-1,O=system:nodes` **not revocable** (kubelet serving certificate) serial `5e`, issued 2029-07-01T00:00:00Z, in `pki/kubelet-serving.crt`',
    ),
    group,
  );
  assert.ok(
    group.includes(
      'serial `c0ffee0000000000000000000000000001`, issued 2029-07-01T00:00:00Z, in `pki/kubelet-client.crt`',
    ),
    group,
  );

  const notBefore = await hoverAt('"2030-01-01T00:00:00Z"');
  assert.ok(
    notBefore.includes(
      'Of the 2 inventory certificates the value matches, notBefore keeps 0 (issued at or after it) and revokes 2 (issued before it).',
    ),
    notBefore,
  );
  const dns = await hoverAt('"2025-01-01T00:00:00Z"');
  assert.ok(dns.includes('notBefore keeps 0 (issued at or after it) and revokes 1 (issued before it).'), dns);

  const serial = await hoverAt('"01"');
  assert.ok(serial.startsWith('**Serial number**'), 'the serial facts come first');
  assert.ok(
    serial.includes(
      '- `CN=Fixture Root CA,O=renew-revocation fixtures,C=US` **CA** serial `1`, issued 2020-01-01T00:00:00Z, in `admin.kubeconfig` and 1 other place',
    ),
    serial,
  );
});

test('a certificate file created while the server runs joins the inventory: no-match goes, lenses and diagnostics refresh', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  const registration = client.registrations.find((candidate) => candidate.method === 'workspace/didChangeWatchedFiles');
  assert.ok(registration, 'file watchers are registered');
  const watchers = (registration.registerOptions as { watchers: Array<{ globPattern: unknown }> }).watchers;
  assert.deepEqual(
    watchers.map((watcher) => watcher.globPattern),
    ['**/*.{pem,crt,cer,der}', '**/*.{yaml,yml}', '**/kubeconfig*', '**/*.kubeconfig'],
  );
  await client.open(workspace.manifestUri, MANIFEST);
  const before = await client.waitForDiagnostics(workspace.manifestUri, (params) =>
    inventoryDiagnostics(params).some((d) => d.code === 'no-match'),
  );
  const from = client.published.indexOf(before) + 1;
  const refreshes = client.codeLensRefreshRequests;

  const added = workspace.addFixture('odd-subject.crt', 'pki/new/odd-subject.crt');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: workspace.uri('pki/new/odd-subject.crt'), type: FileChangeType.Created }],
  });
  const after = await client.waitForDiagnostics(
    workspace.manifestUri,
    (params) => inventoryDiagnostics(params).every((d) => d.code !== 'no-match'),
    from,
  );
  assert.deepEqual(
    inventoryDiagnostics(after).map((diagnostic) => diagnostic.code),
    ['kubelet-server-cert', 'matches-ca'],
  );
  await client.waitFor('a code lens refresh', () => client.codeLensRefreshRequests > refreshes);
  const result = await preview(client, workspace.manifestUri);
  assert.equal(result.certificatesScanned, 7);
  assert.deepEqual(result.revoked.find((certificate) => certificate.dnsNames.includes('zoe.example.org'))?.sources, [
    added,
  ]);
  const changed = client.notifications.filter(
    (notification) => notification.method === 'renewRevocation/inventoryChanged',
  );
  assert.deepEqual(changed[changed.length - 1].params, {
    version: (changed[changed.length - 1].params as { version: number }).version,
    certificates: 7,
    scanning: false,
  });

  // Deleted again: back to six, and no-match returns.
  const from2 = client.published.length;
  rmSync(added);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
    changes: [{ uri: workspace.uri('pki/new'), type: FileChangeType.Deleted }],
  });
  await client.waitForDiagnostics(
    workspace.manifestUri,
    (params) => inventoryDiagnostics(params).some((d) => d.code === 'no-match'),
    from2,
  );
  assert.equal((await preview(client, workspace.manifestUri)).certificatesScanned, 6);
});

test('an open certificate file counts with its edited text, and the disk again once closed', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const rootUri = workspace.uri('pki/root-ca.crt');
  const rootSources = async () =>
    (await preview(client, workspace.manifestUri)).revoked.find((certificate) => certificate.serialNumber === '1')
      ?.sources;
  await client.open(rootUri, readFileSync(workspace.path('pki/root-ca.crt'), 'utf8'), 'pem');
  // Emptying the open file leaves the root CA in the kubeconfig only (the file on disk is unchanged).
  await client.change(rootUri, 2, [{ text: '' }]);
  assert.deepEqual(await eventually('the edited text to count', rootSources, (sources) => sources?.length === 1), [
    workspace.path('admin.kubeconfig'),
  ]);
  await client.close(rootUri);
  assert.equal(
    (await eventually('the file on disk to count again', rootSources, (sources) => sources?.length === 2))?.length,
    2,
  );
});

test('a settings change rescans: a folder no longer in files.exclude joins, and only it changes the inventory', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const before = await preview(client, workspace.manifestUri);
  assert.equal(before.certificatesScanned, 6);
  client.filesExclude = {};
  await client.changeConfiguration(null);
  await client.waitForProgressEnds(2);
  const result = await eventually(
    'the excluded folder to be read',
    () => preview(client, workspace.manifestUri),
    (answer) => answer.certificatesScanned === 7,
  );
  assert.ok(result.kept.some((certificate) => certificate.commonName === 'future.example.com'));
  // Only the new file changed the inventory (one version more).
  assert.equal(result.inventoryVersion, before.inventoryVersion + 1);
});

test('workspace folders added and removed while the server runs: scanned, then dropped', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startForTest(t, {
    workDoneProgress: true,
    configuration: true,
    workspaceFolderSupport: true,
    workspaceFolders: [],
    filesExclude: { '**/ignored': true },
    settings: {},
  });
  await client.waitForProgressEnds(1);
  await client.open(workspace.manifestUri, MANIFEST);
  assert.equal((await preview(client, workspace.manifestUri)).certificatesScanned, 0);
  const folder = { uri: workspace.folderUri, name: 'workspace' };
  await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [folder], removed: [] },
  });
  await client.waitForProgressEnds(2);
  assert.equal(
    (
      await eventually(
        'the added folder',
        () => preview(client, workspace.manifestUri),
        (answer) => answer.certificatesScanned === 6,
      )
    ).certificatesScanned,
    6,
  );
  await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
    event: { added: [], removed: [folder] },
  });
  await client.waitForProgressEnds(3);
  assert.equal(
    (
      await eventually(
        'the removed folder',
        () => preview(client, workspace.manifestUri),
        (answer) => answer.certificatesScanned === 0,
      )
    ).certificatesScanned,
    0,
  );
});

test('files over renewRevocation.maxFileSize are skipped and reported in the preview', async (t) => {
  const workspace = makePreviewWorkspace(t);
  writeFileSync(workspace.path('pki/huge.pem'), 'x'.repeat(300_000));
  const client = await startInWorkspace(t, workspace, { settings: { maxFileSize: 200_000 } });
  await client.open(workspace.manifestUri, MANIFEST);
  const result = await preview(client, workspace.manifestUri);
  assert.deepEqual(result.problems, [
    {
      path: workspace.path('pki/huge.pem'),
      code: 'file-too-large',
      message:
        '293.0 KiB is more than renewRevocation.maxFileSize (195.3 KiB): its certificates are not in the inventory. Raise the setting to include it.',
    },
  ]);
  assert.equal(result.certificatesScanned, 6);
});

test('renewRevocation.certificatePaths is read in a trusted workspace', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace, { settings: { certificatePaths: [workspace.outside] } });
  await client.open(workspace.manifestUri, MANIFEST);
  const result = await preview(client, workspace.manifestUri);
  assert.equal(result.certificatesScanned, 7);
  const expired = result.revoked.find((certificate) => certificate.commonName === 'expired.example.com');
  assert.deepEqual(expired?.sources, [`${workspace.outside}/expired.crt`]);
  assert.deepEqual(expired?.entries, [{ document: 0, index: 1 }]);
  // The folder outside the workspace gets a watcher of its own.
  const registration = client.registrations.find((candidate) => candidate.method === 'workspace/didChangeWatchedFiles');
  const watchers = (registration?.registerOptions as { watchers: Array<{ globPattern: unknown }> }).watchers;
  assert.deepEqual(watchers[0].globPattern, { baseUri: URI.file(workspace.outside).toString(), pattern: '**/*' });
});

test('in a restricted workspace only certificatePaths inside the workspace are read, the others once it is trusted', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startInWorkspace(t, workspace, {
    // `notes` holds a certificate in a .txt file: no glob names it, but a certificate folder reads every file.
    settings: { certificatePaths: [workspace.outside, 'notes'] },
    initializationOptions: { workspaceTrusted: false },
  });
  await client.open(workspace.manifestUri, MANIFEST);
  const untrusted = await preview(client, workspace.manifestUri);
  assert.equal(untrusted.certificatesScanned, 7);
  assert.equal(
    untrusted.revoked.some((certificate) => certificate.commonName === 'expired.example.com'),
    false,
  );
  assert.deepEqual(untrusted.revoked.find((certificate) => certificate.dnsNames.includes('zoe.example.org'))?.sources, [
    workspace.path('notes/odd-subject.txt'),
  ]);
  assert.ok(
    client.logs.some(
      (log) =>
        log.message ===
        `renewRevocation.certificatePaths: ${workspace.outside} is outside the workspace, and the workspace is not trusted (restricted mode); it is not read`,
    ),
  );

  await client.connection.sendNotification('renewRevocation/workspaceTrust', { trusted: true });
  await client.waitForProgressEnds(2);
  const trusted = await preview(client, workspace.manifestUri);
  assert.equal(trusted.certificatesScanned, 8);
  assert.ok(trusted.revoked.some((certificate) => certificate.commonName === 'expired.example.com'));
});

test('without workspace folders nothing is scanned and the inventory codes stay away', async (t) => {
  const workspace = makePreviewWorkspace(t);
  const client = await startForTest(t, { workDoneProgress: true });
  await client.waitForProgressEnds(1);
  await client.open(workspace.manifestUri, MANIFEST);
  const published = await client.waitForDiagnostics(workspace.manifestUri);
  assert.deepEqual(inventoryDiagnostics(published), []);
  const result = await preview(client, workspace.manifestUri);
  assert.equal(result.certificatesScanned, 0);
  assert.deepEqual(result.revoked, []);
});

test('the scan runs in the background: a hover is answered while thousands of files are still being read', async (t) => {
  const workspace = makePreviewWorkspace(t);
  // bulk.pem's 300 certificates, one per file, in 10 folders: 3,000 files, 300 distinct certificates.
  const blocks =
    readFileSync(join(repoRoot(), 'test', 'fixtures', 'pki', 'bulk.pem'), 'utf8').match(
      /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/g,
    ) ?? [];
  assert.equal(blocks.length, 300);
  for (let folder = 0; folder < 10; folder++) {
    mkdirSync(workspace.path(`bulk/${folder}`), { recursive: true });
    blocks.forEach((block, i) => writeFileSync(workspace.path(`bulk/${folder}/${i}.pem`), block));
  }
  const started = performance.now();
  const client = await startInPreviewWorkspace(t, workspace);
  await client.open(workspace.manifestUri, MANIFEST);
  const { start } = rangeOf(MANIFEST, '"01"');
  const hover = await client.request<Hover | null>(HoverRequest.method, {
    textDocument: { uri: workspace.manifestUri },
    position: start,
  });
  const answeredAt = performance.now();
  assert.ok(hover, 'the hover is answered');
  assert.equal(client.progressEnds(), 0, 'the scan was still under way when the hover was answered');
  await client.waitForProgressEnds(1, 60_000);
  const reports = client.progress.filter((entry) => entry.value.kind === 'report');
  assert.ok(reports.length > 0, 'the scan reports how far it is');
  assert.match(reports[reports.length - 1].value.message ?? '', /^\d+ of \d+ files$/);
  const done = performance.now();
  const result = await preview(client, workspace.manifestUri);
  assert.equal(result.certificatesScanned, 306);
  t.diagnostic(
    `hover answered ${Math.round(answeredAt - started)} ms after start; 3,000 files read in ${Math.round(done - started)} ms`,
  );
});
