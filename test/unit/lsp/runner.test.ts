import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { createSafeRunner } from '../../../server/src/lsp/runner';
import type { Logger, RuntimeEnvironment } from '../../../server/src/lsp/runtime';

const runtime: RuntimeEnvironment = {
  timer: {
    setImmediate: (callback) => {
      const handle = setImmediate(callback);
      return { dispose: () => clearImmediate(handle) };
    },
    setTimeout: (callback, ms) => {
      const handle = setTimeout(callback, ms);
      return { dispose: () => clearTimeout(handle) };
    },
  },
};

function recordingLogger() {
  const errors: string[] = [];
  const logger: Logger = { error: (m) => errors.push(m), warn: () => {}, info: () => {}, log: () => {} };
  return { logger, errors };
}

test('an exception becomes the neutral value and a logged error with the message', async () => {
  const { logger, errors } = recordingLogger();
  const runner = createSafeRunner(runtime, logger);
  const token = new CancellationTokenSource().token;
  assert.deepEqual(
    await runner.runSafe(
      () => {
        throw new Error('boom');
      },
      [],
      'Error while computing hover for file:///x',
      token,
    ),
    [],
  );
  assert.equal(
    await runner.runSafeAsync(
      async () => {
        throw new Error('late boom');
      },
      null,
      'Error while computing completion',
      token,
    ),
    null,
  );
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^Error while computing hover for file:\/\/\/x: boom\n/);
  assert.match(errors[1], /^Error while computing completion: late boom/);
});

test('a request cancelled before it runs, or while it runs, answers RequestCancelled', async () => {
  const { logger } = recordingLogger();
  const runner = createSafeRunner(runtime, logger);
  const before = new CancellationTokenSource();
  let ran = false;
  const pending = runner.runSafe(() => (ran = true), false, 'x', before.token);
  before.cancel();
  const result = await pending;
  assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
  assert.equal(ran, false);

  const during = new CancellationTokenSource();
  const late = await runner.runSafeAsync(
    async () => {
      during.cancel();
      return 42;
    },
    0,
    'x',
    during.token,
  );
  assert.ok(late instanceof ResponseError && late.code === LSPErrorCodes.RequestCancelled);
});

test('a result is returned as is', async () => {
  const runner = createSafeRunner(runtime, recordingLogger().logger);
  assert.deepEqual(await runner.runSafe(() => ({ a: 1 }), null, 'x', new CancellationTokenSource().token), { a: 1 });
});
