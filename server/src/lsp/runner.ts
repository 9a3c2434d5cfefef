// Every request handler runs through here: a cancelled request answers "cancelled" instead of
// doing (or returning) work nobody waits for, and an exception becomes a logged error and a
// neutral result, so one bad document or one malformed request never takes the server down.
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Logger, RuntimeEnvironment } from './runtime';

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) return `${message}: ${error.message}\n${error.stack ?? ''}`;
  if (error === undefined || error === null) return message;
  return `${message}: ${String(error)}`;
}

export interface SafeRunner {
  runSafe<T, E = void>(
    func: () => T,
    errorValue: T,
    errorMessage: string,
    token: CancellationToken,
  ): Promise<T | ResponseError<E>>;
  runSafeAsync<T, E = void>(
    func: () => Promise<T>,
    errorValue: T,
    errorMessage: string,
    token: CancellationToken,
  ): Promise<T | ResponseError<E>>;
}

function cancelled<E>(): ResponseError<E> {
  return new ResponseError<E>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function createSafeRunner(runtime: RuntimeEnvironment, logger: Logger): SafeRunner {
  const runSafeAsync = <T, E>(func: () => Promise<T>, errorValue: T, errorMessage: string, token: CancellationToken) =>
    new Promise<T | ResponseError<E>>((resolve) => {
      // Deferred so that a cancellation (or a newer edit) that is already queued is seen first.
      runtime.timer.setImmediate(() => {
        if (token.isCancellationRequested) return resolve(cancelled<E>());
        let pending: Promise<T>;
        try {
          pending = func();
        } catch (error) {
          logger.error(formatError(errorMessage, error));
          return resolve(errorValue);
        }
        pending.then(
          (result) => resolve(token.isCancellationRequested ? cancelled<E>() : result),
          (error: unknown) => {
            logger.error(formatError(errorMessage, error));
            resolve(errorValue);
          },
        );
      });
    });
  return {
    runSafeAsync,
    runSafe: <T, E>(func: () => T, errorValue: T, errorMessage: string, token: CancellationToken) =>
      runSafeAsync<T, E>(() => new Promise<T>((resolve) => resolve(func())), errorValue, errorMessage, token),
  };
}
