// The idle warm-up: rounds while the server has nothing open, none once a document is open, none
// after its budget or its disposal; and a made-up manifest that takes the paths a real one takes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLanguageService } from '../../../server/src/service/index';
import { startIdleWarmUp, warmUpRound, WARM_UP_ENTRIES } from '../../../server/src/lsp/warmUp/idleWarmUp';
import { warmUpEdit, warmUpManifest } from '../../../server/src/lsp/warmUp/warmUpManifest';
import { nodeTimer } from '../../../server/src/node/nodeTimer';

const timer = nodeTimer;

test('rounds run while idle, and none starts after the budget', async () => {
  const starts: number[] = [];
  const warmUp = startIdleWarmUp({
    timer,
    now: () => performance.now(),
    busy: () => false,
    round: () => starts.push(performance.now()),
    delayMs: 0,
    budgetMs: 60,
  });
  await sleep(200);
  const rounds = warmUp.rounds;
  assert.ok(rounds > 3, `several rounds ran (${rounds})`);
  assert.equal(starts.length, rounds);
  assert.ok(starts[starts.length - 1] - starts[0] < 60, 'the last round started within the budget');
  await sleep(50);
  assert.equal(warmUp.rounds, rounds, 'nothing ran after the budget');
  warmUp.dispose();
});

test('no round runs once the server is busy, or after disposal', async () => {
  let open = false;
  const busyLater = startIdleWarmUp({
    timer,
    now: () => performance.now(),
    busy: () => open,
    round: () => {},
    delayMs: 0,
  });
  await sleep(30);
  open = true;
  const roundsWhenOpened = busyLater.rounds;
  assert.ok(roundsWhenOpened > 0);
  await sleep(30);
  assert.equal(busyLater.rounds, roundsWhenOpened);

  const busyAtOnce = startIdleWarmUp({
    timer,
    now: () => performance.now(),
    busy: () => true,
    round: () => {},
    delayMs: 0,
  });
  await sleep(30);
  assert.equal(busyAtOnce.rounds, 0);

  const disposed = startIdleWarmUp({
    timer,
    now: () => performance.now(),
    busy: () => false,
    round: () => {},
    delayMs: 10,
  });
  disposed.dispose();
  await sleep(40);
  assert.equal(disposed.rounds, 0);
});

test('the made-up manifest finds what a hurried manifest has, and its edit takes the incremental path', () => {
  const service = createLanguageService();
  const text = warmUpManifest(WARM_UP_ENTRIES);
  const codes = new Set(service.doValidation(service.parse(text, 'yaml')).map((diagnostic) => diagnostic.code));
  assert.deepEqual([...codes].sort(), [
    'dns-invalid',
    'duplicate-entry',
    'ip-invalid',
    'kind-case',
    'missing-not-before',
    'not-before-invalid',
    'serial-not-canonical',
    'serial-number-type',
    'unknown-field',
  ]);
  const edit = warmUpEdit(text);
  assert.match(text.slice(edit.start - 17, edit.start), /serialNumber: "[0-9a-f]$/);
  const edited = service.update(
    service.parse(text, 'yaml'),
    [edit],
    text.slice(0, edit.start) + edit.text + text.slice(edit.end),
  );
  assert.ok(edited.splice, 'the edit was spliced into the entry, not parsed afresh');
  warmUpRound(service)();
});
