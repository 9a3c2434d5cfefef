// What the server needs from its host, handed in by the entry point (as VS Code's
// json-language-features does) so that the same wiring runs under Node, in a browser worker, or
// in a test with its own clock.
import type { Disposable } from 'vscode-languageserver';

export interface RuntimeEnvironment {
  readonly timer: {
    setImmediate(callback: () => void): Disposable;
    setTimeout(callback: () => void, ms: number): Disposable;
  };
}

/** Where the server writes what it wants people to read: `connection.console` satisfies it. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  log(message: string): void;
}
