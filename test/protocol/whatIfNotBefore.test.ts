// The preview timeline's requests over the protocol: an entry's matches whatever its notBefore,
// by their own notBefore, and the one edit that writes a chosen instant as its notBefore.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ErrorCodes } from 'vscode-languageserver-protocol/node';
import type { NotBeforeEditResult, NotBeforeTimelineResult } from '../../server/src/protocol';
import { rangeOf, type LspTestClient } from './lspClient';
import { MATCHING_MANIFEST, startInFixtureWorkspace } from './matchingManifest';
import { makePreviewWorkspace } from './previewWorkspace';

async function start(t: { after(fn: () => void): void }): Promise<{ client: LspTestClient; uri: string }> {
  const workspace = makePreviewWorkspace(t);
  const client = await startInFixtureWorkspace(t, workspace);
  const uri = workspace.uri('manifests/what-if.yaml');
  await client.open(uri, MATCHING_MANIFEST);
  return { client, uri };
}

test('the timeline of an entry holds every certificate its value matches, by their own notBefore', async (t) => {
  const { client, uri } = await start(t);
  const timeline = (index: number) =>
    client.request<NotBeforeTimelineResult>('renewRevocation/notBeforeTimeline', {
      textDocument: { uri },
      entry: { document: 0, index },
    });
  // system:nodes, no notBefore: the kubelet's client and serving certificates (issued together).
  const nodes = await timeline(2);
  assert.deepEqual(nodes, {
    documentVersion: 1,
    timeline: {
      document: 0,
      index: 2,
      kind: 'Group',
      value: 'system:nodes',
      notBefore: null,
      notBeforeMs: null,
      certificates: [
        {
          sha256Fingerprint: fingerprintOf(nodes, 0),
          subject: 'CN=system:node:node-1,O=system:nodes',
          serialNumber: 'c0ffee0000000000000000000000000001',
          notBefore: '2029-07-01T00:00:00Z',
          notBeforeMs: Date.parse('2029-07-01T00:00:00Z'),
          isCA: false,
          notRevocable: false,
        },
        {
          sha256Fingerprint: fingerprintOf(nodes, 1),
          subject: 'CN=system:node:node-1,O=system:nodes',
          serialNumber: '5e',
          notBefore: '2029-07-01T00:00:00Z',
          notBeforeMs: Date.parse('2029-07-01T00:00:00Z'),
          isCA: false,
          notRevocable: true,
        },
      ],
    },
  });
  // The second "01" entry: its notBefore (2019) keeps the root CA (2020), which the timeline still holds.
  const root = await timeline(6);
  assert.ok('timeline' in root);
  assert.deepEqual(
    [root.timeline.notBefore, root.timeline.notBeforeMs, root.timeline.certificates.map((c) => [c.subject, c.isCA])],
    [
      '2019-01-01T00:00:00Z',
      Date.parse('2019-01-01T00:00:00Z'),
      [['CN=Fixture Root CA,O=renew-revocation fixtures,C=US', true]],
    ],
  );
  assert.deepEqual(await timeline(40), {
    documentVersion: 1,
    error: 'the manifest has no such entry any more (it was edited): open the timeline again',
  });
  await assert.rejects(
    client.request('renewRevocation/notBeforeTimeline', { textDocument: { uri }, entry: { document: 'x' } }),
    (error: { code?: number }) => error.code === ErrorCodes.InvalidParams,
  );
});

function fingerprintOf(result: NotBeforeTimelineResult, position: number): string {
  assert.ok('timeline' in result);
  const fingerprint = result.timeline.certificates[position]?.sha256Fingerprint;
  assert.match(fingerprint ?? '', /^[0-9a-f]{64}$/);
  return fingerprint;
}

test('the notBefore edit replaces a written notBefore, or adds the field after the entry', async (t) => {
  const { client, uri } = await start(t);
  const edit = (index: number, notBefore: string) =>
    client.request<NotBeforeEditResult>('renewRevocation/notBeforeEdit', {
      textDocument: { uri },
      entry: { document: 0, index },
      notBefore,
    });
  assert.deepEqual(await edit(6, '2020-06-01T00:00:00Z'), {
    documentVersion: 1,
    notBefore: '2020-06-01T00:00:00Z',
    edit: { range: rangeOf(MATCHING_MANIFEST, '"2019-01-01T00:00:00Z"'), newText: '"2020-06-01T00:00:00Z"' },
  });
  // No notBefore: a new line at the entry's key column, written in UTC.
  const nextEntry = rangeOf(MATCHING_MANIFEST, '  - kind: serialnumber', 2).start;
  assert.deepEqual(await edit(2, '2029-01-01T00:00:00+02:00'), {
    documentVersion: 1,
    notBefore: '2028-12-31T22:00:00Z',
    edit: { range: { start: nextEntry, end: nextEntry }, newText: '    notBefore: "2028-12-31T22:00:00Z"\n' },
  });
  assert.deepEqual(await edit(2, 'tomorrow'), {
    documentVersion: 1,
    error:
      '`tomorrow` is not an RFC 3339 date-time: write the date, the time and the zone as `YYYY-MM-DDThh:mm:ssZ` or with an offset (`±hh:mm`), like `2020-04-17T17:22:05Z`',
  });
});
