import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from '../../../client/src/restartPolicy';

test('a crashed server is restarted 4 times within 3 minutes, and not a fifth time', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  const verdicts = [0, 10_000, 20_000, 30_000, 40_000].map((at) => {
    now = at;
    return policy.onCrash();
  });
  assert.deepEqual(
    verdicts.map((v) => v.restart),
    [true, true, true, true, false],
  );
  assert.deepEqual(
    verdicts.map((v) => v.crashesInWindow),
    [1, 2, 3, 4, 5],
  );
});

test('crashes older than the window are forgotten', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  for (const at of [0, 1_000, 2_000, 3_000]) {
    now = at;
    policy.onCrash();
  }
  now = 181_000; // the crashes at 0 and 1 s are now more than 3 minutes old
  assert.deepEqual(policy.onCrash(), { restart: true, crashesInWindow: 3 });
});

test('after a reset (the user restarted the server) the count starts again', () => {
  let now = 0;
  const policy = new RestartPolicy(4, 180_000, () => now);
  for (const at of [0, 1_000, 2_000, 3_000, 4_000]) {
    now = at;
    policy.onCrash();
  }
  policy.reset();
  now = 5_000;
  assert.deepEqual(policy.onCrash(), { restart: true, crashesInWindow: 1 });
});
