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
    // A require, not an import: the bundler leaves it to run on first use (see above).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('reflect-metadata/lite');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    library = require('@peculiar/x509') as typeof X509;
  }
  return library;
}

// What the library may read of a certificate's extensions. asn1js's defaults also cap the number
// of elements at 10,000, which refused honest extensions (thousands of names) that openssl reads;
// the count is not a danger in itself, since an extension handed to the library is at most 32 KiB
// (decodeCertificate.ts) and parsing is linear in its size. (A safe integer rather than Infinity:
// asn1js takes its fast path only under a finite cap.) Depth (asn1js recurses) and the length of
// one element stay capped. Certificate requests, which the library parses whole, keep all three
// defaults.
export const MAX_ASN1_DEPTH = 100;
const MAX_ASN1_CONTENT_LENGTH = 16 * 1024 * 1024;

export const PARSE_OPTIONS = {
  berOptions: {
    maxDepth: MAX_ASN1_DEPTH,
    maxNodes: Number.MAX_SAFE_INTEGER,
    maxContentLength: MAX_ASN1_CONTENT_LENGTH,
  },
} as const;

// asn1js's messages for its limits, in words that say what was found.
const ASN1_LIMITS: readonly (readonly [string, string])[] = [
  [
    'Maximum ASN.1 node count exceeded',
    'it holds more than 10,000 ASN.1 elements, more than the decoder reads in a certificate request',
  ],
  [
    'Maximum ASN.1 nesting depth exceeded',
    `its ASN.1 is nested more than ${MAX_ASN1_DEPTH} levels deep, more than the decoder reads`,
  ],
  [
    'Maximum ASN.1 content length exceeded',
    'it holds an ASN.1 element longer than 16 MiB, more than the decoder reads',
  ],
];

/** A library error as a short clause for a message (its first line, without a class prefix). */
export function libraryReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.split('\n')[0].trim() || 'unreadable data';
  const limit = ASN1_LIMITS.find(([libraryMessage]) => line.includes(libraryMessage));
  if (limit) return limit[1];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
