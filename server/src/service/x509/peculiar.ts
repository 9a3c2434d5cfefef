// The one door to `@peculiar/x509`. Version 2 resolves its parts through tsyringe, which needs a
// Reflect metadata polyfill loaded before the library; importing it from here keeps that order
// for every bundle (server, CLI, tests) and for a browser build alike. Nothing here needs a
// WebCrypto provider: the service only parses, it never verifies or hashes through the library.
import 'reflect-metadata/lite';
import * as x509 from '@peculiar/x509';

export { x509 };

/** A library error as a short clause for a message (its first line, without a class prefix). */
export function libraryReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim() || 'unreadable data';
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
