import assert from 'node:assert/strict';
import { test } from 'node:test';
import { differingIndices, MOST_REPLACED, replacedIndices } from '../../../server/src/service/rules/replacedEntries';

const items = Array.from({ length: 200 }, (_, i) => ({ i }));

test('differingIndices: the positions whose item was replaced, by identity, in order', () => {
  const after = [...items];
  after[3] = { i: 3 };
  after[150] = { i: 150 };
  assert.deepEqual(differingIndices(items, after), [3, 150]);
  assert.deepEqual(differingIndices(items, [...items]), []);
});

test('differingIndices: a second pair of arrays counts too', () => {
  const models = items.map((item) => ({ model: item }));
  const laterModels = [...models];
  laterModels[7] = { model: items[7] };
  assert.deepEqual(differingIndices(items, [...items], models, laterModels), [7]);
});

test('past MOST_REPLACED replaced positions, both answer undefined (start afresh)', () => {
  const after = items.map((item, i) => (i <= MOST_REPLACED ? { ...item } : item));
  assert.equal(differingIndices(items, after), undefined);
  assert.equal(
    replacedIndices(items.length, (i) => items[i] !== after[i]),
    undefined,
  );
  const fewer = items.map((item, i) => (i < MOST_REPLACED ? { ...item } : item));
  assert.equal(differingIndices(items, fewer)?.length, MOST_REPLACED);
});
