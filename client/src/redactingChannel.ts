// A log output channel that redacts secrets (see redaction.ts) from everything written to it;
// the language client writes its protocol trace through this.
import type { LogOutputChannel } from 'vscode';
import { redactSecrets } from './redaction';

const WRITERS = new Set<PropertyKey>(['append', 'appendLine', 'replace', 'trace', 'debug', 'info', 'warn']);

export function redactingChannel(channel: LogOutputChannel): LogOutputChannel {
  return new Proxy(channel, {
    get(target, property) {
      if (property === 'error') {
        return (message: string | Error, ...args: unknown[]) =>
          target.error(
            typeof message === 'string' ? redactSecrets(message) : redactSecrets(message.stack ?? message.message),
            ...args.map(redactArgument),
          );
      }
      const value: unknown = Reflect.get(target, property, target);
      if (WRITERS.has(property) && typeof value === 'function') {
        return (message: string, ...args: unknown[]) =>
          (value as (...all: unknown[]) => void).call(target, redactSecrets(message), ...args.map(redactArgument));
      }
      return typeof value === 'function' ? (value as (...all: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function redactArgument(argument: unknown): unknown {
  if (typeof argument === 'string') return redactSecrets(argument);
  if (argument === null || typeof argument !== 'object') return argument;
  try {
    return redactSecrets(JSON.stringify(argument));
  } catch {
    return '<unprintable>';
  }
}
