// Inlay hints on hand-made inventories: a request reads the entries of its range and no others
// (the service's counter), across several manifests, and gives nothing without an inventory.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../../server/src/service/settings';
import { summary } from '../helpers/certificateSummaries';
import { inventoryOf, manifestDocument } from '../helpers/previewHarness';

const ENTRIES = 10_000;
// 6 header lines, then 2 lines per entry: entry i's value is on line 7 + 2i.
const BIG = manifestDocument(
  Array.from({ length: ENTRIES }, (_, i) => ({ kind: 'serialnumber', serialNumber: (i + 1).toString(16) })),
);
const inventory = inventoryOf({
  'pki/a.pem': [summary({ name: 'node-a', serialNumber: '1' }), summary({ name: 'node-b', serialNumber: '2710' })],
});
const context = { snapshot: inventory.snapshot() };
const lines = (start: number, end: number) => ({
  start: { line: start, character: 0 },
  end: { line: end, character: 0 },
});

test('a range of 60 lines in the middle of 10,000 entries matches its 30 entries and no other', () => {
  const service = createLanguageService({ now: () => new Date('2025-01-01T00:00:00Z') });
  const model = service.parse(BIG);
  const before = service.inlayHintStats.entriesMatched;
  const hints = service.getInlayHints(model, lines(10_000, 10_060), DEFAULT_SETTINGS, context);
  assert.equal(service.inlayHintStats.entriesMatched - before, 30);
  assert.deepEqual(
    hints.map((hint) => hint.position.line),
    Array.from({ length: 30 }, (_, i) => 10_001 + 2 * i),
  );
  assert.ok(hints.every((hint) => hint.label === 'not in the inventory'));
});

test('the first and the last entry get their certificate; the ends of the file are found as the middle', () => {
  const service = createLanguageService({ now: () => new Date('2025-01-01T00:00:00Z') });
  const model = service.parse(BIG);
  const first = service.getInlayHints(model, lines(0, 8), DEFAULT_SETTINGS, context);
  assert.deepEqual(
    first.map((hint) => [hint.label, hint.position]),
    [['node-a, expires 2033-01-01', { line: 7, character: 21 }]],
  );
  const last = service.getInlayHints(model, lines(2 * ENTRIES + 4, 2 * ENTRIES + 8), DEFAULT_SETTINGS, context);
  assert.deepEqual(
    last.map((hint) => [hint.label, hint.position.line]),
    [['node-b, expires 2033-01-01', 2 * ENTRIES + 5]],
  );
  assert.equal(service.inlayHintStats.entriesMatched, 2);
});

test('several manifests: a range over the second one reads only its entries', () => {
  const service = createLanguageService();
  const text = `${manifestDocument([{ kind: 'Group', group: 'a' }])}---\n${manifestDocument([
    { kind: 'Group', group: 'b' },
    { kind: 'serialnumber', serialNumber: '1' },
  ])}`;
  const hints = service.getInlayHints(service.parse(text), lines(8, 20), DEFAULT_SETTINGS, context);
  assert.deepEqual(
    hints.map((hint) => [hint.label, hint.position.line]),
    [
      ['matches no certificate of the inventory', 16],
      ['node-a, expires 2033-01-01', 18],
    ],
  );
  assert.equal(service.inlayHintStats.entriesMatched, 2);
});

test('no hints without an inventory, with an empty one, or with the setting off', () => {
  const service = createLanguageService();
  const model = service.parse(BIG);
  assert.deepEqual(service.getInlayHints(model, lines(0, 20), DEFAULT_SETTINGS, undefined), []);
  assert.deepEqual(
    service.getInlayHints(model, lines(0, 20), DEFAULT_SETTINGS, { snapshot: inventoryOf({}).snapshot() }),
    [],
  );
  assert.deepEqual(service.getInlayHints(model, lines(0, 20), { ...DEFAULT_SETTINGS, inlayHints: false }, context), []);
  assert.equal(service.inlayHintStats.entriesMatched, 0);
});
