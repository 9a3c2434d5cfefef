// The preview over the protocol a page of `kept` at a time (server/src/lsp/previewPages.ts): the
// `kept` parameter read or refused in words, the preview computed once per document version and
// inventory version, and the answer's page with its counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createPreviewCache,
  previewAnswer,
  readKeptPage,
  type ComputedPreview,
} from '../../../server/src/lsp/previewPages';
import { DEFAULT_KEPT_PAGE_SIZE, EVERY_KEPT } from '../../../server/src/protocol';
import { makePreview } from '../client/previewFixture';

const SUBJECT = { uri: 'file:///work/revoke.yaml', documentVersion: 3, inventoryVersion: 7, scanning: false };

function computed(): ComputedPreview {
  const {
    entryLocations,
    uri: _uri,
    documentVersion: _d,
    inventoryVersion: _i,
    scanning: _s,
    keptTotal: _t,
    keptOffset: _o,
    ...preview
  } = makePreview();
  return { preview, entryLocations };
}

test('kept: absent or null is the first page of the default size; whole numbers ≥ 0 are taken as they are', () => {
  assert.deepEqual(readKeptPage({ textDocument: { uri: 'file:///a.yaml' } }), {
    offset: 0,
    limit: DEFAULT_KEPT_PAGE_SIZE,
  });
  assert.deepEqual(readKeptPage({ textDocument: { uri: 'file:///a.yaml' }, kept: null as never }), {
    offset: 0,
    limit: DEFAULT_KEPT_PAGE_SIZE,
  });
  assert.deepEqual(readKeptPage(null), { offset: 0, limit: DEFAULT_KEPT_PAGE_SIZE });
  assert.deepEqual(readKeptPage({ kept: { offset: 400, limit: 0 } }), { offset: 400, limit: 0 });
  assert.deepEqual(readKeptPage({ kept: EVERY_KEPT }), { offset: 0, limit: Number.MAX_SAFE_INTEGER });
});

test('kept: anything but whole numbers ≥ 0 is refused, saying which field and what came', () => {
  const refused = (kept: unknown) => readKeptPage({ kept } as never);
  assert.deepEqual(refused({ offset: -1, limit: 10 }), { error: 'kept.offset must be a whole number ≥ 0; got -1' });
  assert.deepEqual(refused({ offset: 0, limit: 2.5 }), { error: 'kept.limit must be a whole number ≥ 0; got 2.5' });
  assert.deepEqual(refused({ offset: '0', limit: 10 }), { error: 'kept.offset must be a whole number ≥ 0; got "0"' });
  assert.deepEqual(refused({ offset: 0 }), { error: 'kept.limit must be a whole number ≥ 0; got nothing' });
  assert.deepEqual(refused({ offset: 0, limit: null }), { error: 'kept.limit must be a whole number ≥ 0; got null' });
  assert.deepEqual(refused('all'), { error: 'kept must be an object { offset, limit }; got "all"' });
  assert.deepEqual(refused([0, 10]), { error: 'kept must be an object { offset, limit }; got [0,10]' });
});

test('the answer: one page of kept, its offset and the count of them all; the rest whole', () => {
  const full = computed();
  const total = full.preview.kept.length;
  assert.ok(total >= 3, `the fixture keeps ${total}`);
  const answer = previewAnswer(full, { offset: 1, limit: 2 }, SUBJECT);
  assert.deepEqual(answer.kept, full.preview.kept.slice(1, 3));
  assert.equal(answer.keptTotal, total);
  assert.equal(answer.keptOffset, 1);
  assert.equal(answer.revoked, full.preview.revoked);
  assert.equal(answer.notRevocable, full.preview.notRevocable);
  assert.equal(answer.entries, full.preview.entries);
  assert.equal(answer.revoked.length + answer.notRevocable.length + answer.keptTotal, answer.certificatesScanned);
  assert.deepEqual(
    {
      uri: answer.uri,
      documentVersion: answer.documentVersion,
      inventoryVersion: answer.inventoryVersion,
      scanning: answer.scanning,
    },
    SUBJECT,
  );
  // The preview JSON's fields keep their order, `kept` where it was.
  assert.deepEqual(Object.keys(answer).slice(0, 7), [
    'certificatesScanned',
    'entries',
    'revoked',
    'notRevocable',
    'kept',
    'notes',
    'problems',
  ]);
  // Past the end: what is left, or nothing; every kept certificate when asked for all.
  assert.deepEqual(
    previewAnswer(full, { offset: total - 1, limit: 50 }, SUBJECT).kept,
    full.preview.kept.slice(total - 1),
  );
  assert.deepEqual(previewAnswer(full, { offset: total + 5, limit: 50 }, SUBJECT).kept, []);
  assert.deepEqual(previewAnswer(full, EVERY_KEPT, SUBJECT).kept, full.preview.kept);
  // The computed preview is not changed by paging it.
  assert.equal(full.preview.kept.length, total);
});

test('the cache computes once per document version and inventory version, and forgets a closed document', () => {
  const cache = createPreviewCache();
  let computations = 0;
  const compute = () => {
    computations++;
    return computed();
  };
  const first = cache.get('file:///a.yaml', 1, 1, compute);
  assert.equal(cache.get('file:///a.yaml', 1, 1, compute), first);
  assert.equal(computations, 1);
  cache.get('file:///b.yaml', 1, 1, compute);
  assert.equal(computations, 2, 'another document has its own');
  assert.notEqual(cache.get('file:///a.yaml', 2, 1, compute), first, 'an edit');
  cache.get('file:///a.yaml', 2, 2, compute);
  assert.equal(computations, 4, 'a new inventory version');
  cache.get('file:///a.yaml', 2, 2, compute);
  assert.equal(computations, 4);
  cache.delete('file:///a.yaml');
  cache.get('file:///a.yaml', 2, 2, compute);
  assert.equal(computations, 5, 'closed and opened again');
});
