// The one door to `@peculiar/x509`. Version 2 resolves its parts through tsyringe, which needs a
// Reflect metadata polyfill loaded before the library; loading both from here keeps that order
// for every bundle (server, CLI, tests) and for a browser build alike. Nothing here needs a
// WebCrypto provider: the service only parses, it never verifies or hashes through the library.
import type * as X509 from '@peculiar/x509';

export type { X509 };

let library: typeof X509 | undefined;

/**
 * The library, loaded on first use: it and its ASN.1 schemas are a third of the server bundle,
 * and evaluating them at start-up would delay the first diagnostics of every session, most of
 * which decode no certificate in their first second (the inventory uses the lean path).
 */
export function x509(): typeof X509 {
  if (!library) {
    require('reflect-metadata/lite');
    library = require('@peculiar/x509') as typeof X509;
  }
  return library;
}

// asn1js refuses hostile DER past fixed limits (its defaults, which the library keeps for what it
// parses from outside): its messages, in words that say what was found.
const ASN1_LIMITS: readonly (readonly [string, string])[] = [
  ['Maximum ASN.1 node count exceeded', 'it holds more than 10,000 ASN.1 elements (thousands of subject alternative names, say), more than the decoder reads'],
  ['Maximum ASN.1 nesting depth exceeded', 'its ASN.1 is nested more than 100 levels deep, more than the decoder reads'],
  ['Maximum ASN.1 content length exceeded', 'it holds an ASN.1 element longer than 16 MiB, more than the decoder reads'],
];

/** A library error as a short clause for a message (its first line, without a class prefix). */
export function libraryReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim() || 'unreadable data';
  const limit = ASN1_LIMITS.find(([libraryMessage]) => line.includes(libraryMessage));
  if (limit) return limit[1];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
