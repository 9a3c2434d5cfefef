// `renewRevocation/preview` a page of kept certificates at a time, against the built server over
// stdio and a workspace of 306 certificates (the preview fixtures and bulk.pem's 300): the default
// answer holds the first page only, pages continue one another in inventory order, the counts stay
// exact, a page past the end holds what is left, bad pages get an InvalidParams error (and the
// server goes on), and an edit gives a new preview.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { DEFAULT_KEPT_PAGE_SIZE, EVERY_KEPT, type KeptPage, type PreviewResult } from '../../server/src/protocol';
import { type LspTestClient } from './lspClient';
import { MANIFEST, makePreviewWorkspace, type PreviewWorkspace, startInPreviewWorkspace } from './previewWorkspace';

const SCANNED = 306;
/** The preview tests' manifest without its Group entry, which would revoke bulk.pem's kubelet certificates: they are kept. */
const PAGING_MANIFEST = MANIFEST.replace(
  '  - kind: Group\n    group: system:nodes\n    notBefore: "2030-01-01T00:00:00Z"\n',
  '',
);
/** What it revokes: the root CA by serial, the apiserver by DNS suffix. */
const REVOKED = [
  'CN=Fixture Root CA,O=renew-revocation fixtures,C=US',
  'CN=kube-apiserver,O=renew-revocation fixtures',
];

async function startWithBulk(t: {
  after(fn: () => void): void;
}): Promise<{ client: LspTestClient; workspace: PreviewWorkspace }> {
  const workspace = makePreviewWorkspace(t);
  workspace.addFixture('bulk.pem', 'pki/bulk.pem');
  const client = await startInPreviewWorkspace(t, workspace);
  await client.waitForProgressEnds(1, 60_000);
  await client.open(workspace.manifestUri, PAGING_MANIFEST);
  return { client, workspace };
}

async function preview(client: LspTestClient, uri: string, kept?: KeptPage): Promise<PreviewResult> {
  const result = await client.request<PreviewResult | null>(
    'renewRevocation/preview',
    kept === undefined ? { textDocument: { uri } } : { textDocument: { uri }, kept },
  );
  assert.ok(result, 'a preview');
  return result;
}

const fingerprints = (list: readonly { sha256Fingerprint: string }[]) =>
  list.map((certificate) => certificate.sha256Fingerprint);

test('without a page the answer holds the first kept page only; the counts are of every certificate', async (t) => {
  const { client, workspace } = await startWithBulk(t);
  const result = await preview(client, workspace.manifestUri);
  assert.equal(result.certificatesScanned, SCANNED);
  assert.ok(result.keptTotal > DEFAULT_KEPT_PAGE_SIZE, `kept: ${result.keptTotal}`);
  assert.equal(result.kept.length, DEFAULT_KEPT_PAGE_SIZE);
  assert.equal(result.keptOffset, 0);
  assert.equal(result.revoked.length + result.notRevocable.length + result.keptTotal, result.certificatesScanned);
  // Revoked and not revocable stay whole: what the manifest revokes is all there.
  assert.deepEqual(result.revoked.map((certificate) => certificate.subject).sort(), REVOKED);
  assert.deepEqual(result.notRevocable, []);
  assert.equal(result.keptTotal, SCANNED - REVOKED.length);
  assert.match(result.notes[0], /^This preview covers the 306 certificates of the inventory only/);
  // The default page is the first of the whole list.
  const every = await preview(client, workspace.manifestUri, EVERY_KEPT);
  assert.deepEqual(fingerprints(result.kept), fingerprints(every.kept).slice(0, DEFAULT_KEPT_PAGE_SIZE));
});

test('pages continue one another in inventory order, with no overlap, and add up to every kept certificate', async (t) => {
  const { client, workspace } = await startWithBulk(t);
  const every = await preview(client, workspace.manifestUri, EVERY_KEPT);
  assert.equal(every.kept.length, every.keptTotal);
  assert.equal(new Set(fingerprints(every.kept)).size, every.keptTotal, 'each kept certificate once');
  const pages: PreviewResult[] = [];
  for (let offset = 0; offset < every.keptTotal; offset += 120)
    pages.push(await preview(client, workspace.manifestUri, { offset, limit: 120 }));
  assert.deepEqual(
    pages.map((page) => page.keptOffset),
    [0, 120, 240],
  );
  assert.deepEqual(
    pages.map((page) => page.kept.length),
    [120, 120, every.keptTotal - 240],
  );
  assert.deepEqual(
    pages.flatMap((page) => fingerprints(page.kept)),
    fingerprints(every.kept),
  );
  for (const page of pages) {
    assert.equal(page.keptTotal, every.keptTotal);
    assert.equal(page.documentVersion, every.documentVersion);
    assert.equal(page.inventoryVersion, every.inventoryVersion);
    assert.equal(page.revoked.length + page.notRevocable.length + page.keptTotal, SCANNED);
  }
  // Nothing kept is revoked or not revocable.
  const matched = new Set(fingerprints([...every.revoked, ...every.notRevocable]));
  assert.ok(
    every.kept.every((certificate) => !matched.has(certificate.sha256Fingerprint) && certificate.entries.length === 0),
  );
});

test('a page past the end holds what is left, or nothing; a limit of 0 only counts', async (t) => {
  const { client, workspace } = await startWithBulk(t);
  const every = await preview(client, workspace.manifestUri, EVERY_KEPT);
  const tail = await preview(client, workspace.manifestUri, { offset: 250, limit: 1000 });
  assert.deepEqual(fingerprints(tail.kept), fingerprints(every.kept).slice(250));
  const beyond = await preview(client, workspace.manifestUri, { offset: 5000, limit: 10 });
  assert.deepEqual([beyond.kept, beyond.keptOffset, beyond.keptTotal], [[], 5000, every.keptTotal]);
  const counted = await preview(client, workspace.manifestUri, { offset: 0, limit: 0 });
  assert.deepEqual([counted.kept, counted.keptTotal], [[], every.keptTotal]);
});

test('a bad page gets an InvalidParams error that says what is wrong, and the server answers on', async (t) => {
  const { client, workspace } = await startWithBulk(t);
  const refused = async (kept: unknown): Promise<ResponseError<unknown>> => {
    const error = await client
      .request('renewRevocation/preview', { textDocument: { uri: workspace.manifestUri }, kept })
      .then(
        () => assert.fail(`kept ${JSON.stringify(kept)} was accepted`),
        (reason: unknown) => reason,
      );
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  };
  const answers = await Promise.all(
    [{ offset: -1, limit: 10 }, { offset: 0, limit: 1.5 }, { offset: '0', limit: 10 }, 'all'].map(refused),
  );
  assert.deepEqual(
    answers.map((error) => [error.code, error.message]),
    [
      [-32602, 'renewRevocation/preview: kept.offset must be a whole number ≥ 0; got -1'],
      [-32602, 'renewRevocation/preview: kept.limit must be a whole number ≥ 0; got 1.5'],
      [-32602, 'renewRevocation/preview: kept.offset must be a whole number ≥ 0; got "0"'],
      [-32602, 'renewRevocation/preview: kept must be an object { offset, limit }; got "all"'],
    ],
  );
  assert.equal((await preview(client, workspace.manifestUri)).certificatesScanned, SCANNED);
});

test('an edit of the manifest gives a new preview: the certificate no longer revoked is counted kept', async (t) => {
  const { client, workspace } = await startWithBulk(t);
  const before = await preview(client, workspace.manifestUri, { offset: 0, limit: 10 });
  // Without the serial entry the root CA (serial 1) is no longer revoked.
  const edited = PAGING_MANIFEST.replace('  - kind: serialnumber\n    serialNumber: "01"\n', '');
  assert.notEqual(edited, PAGING_MANIFEST);
  await client.change(workspace.manifestUri, 2, [{ text: edited }]);
  const after = await preview(client, workspace.manifestUri, { offset: 0, limit: 10 });
  assert.equal(after.documentVersion, 2);
  assert.equal(after.keptTotal, before.keptTotal + 1);
  assert.equal(after.revoked.length, before.revoked.length - 1);
  assert.ok(!after.revoked.some((certificate) => certificate.serialNumber === '1'));
  const every = await preview(client, workspace.manifestUri, EVERY_KEPT);
  assert.ok(every.kept.some((certificate) => certificate.serialNumber === '1'));
});
