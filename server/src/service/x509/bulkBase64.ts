// Base64 to bytes for bulk reading, the one host-dependent step of the lean certificate path:
// Node's Buffer decodes several times faster than JavaScript can. Elsewhere (a browser worker)
// the portable decoder of base64.ts serves. Whoever needs another decoder passes one in.

import { decodeBase64 } from './base64';

/** Bytes of base64 text (whitespace ignored), or undefined when it is not base64. */
export type Base64Decoder = (base64: string) => Uint8Array | undefined;

interface BufferLike {
  from(text: string, encoding: 'base64'): Uint8Array;
}

function hostBuffer(): BufferLike | undefined {
  const candidate = (globalThis as { Buffer?: BufferLike }).Buffer;
  return typeof candidate?.from === 'function' ? candidate : undefined;
}

function portableDecode(base64: string): Uint8Array | undefined {
  const result = decodeBase64(base64);
  return result.ok ? result.bytes : undefined;
}

/**
 * The fastest decoder of this host. Buffer skips characters outside the alphabet silently, so the
 * caller checks the alphabet first (`looksLikeBase64`); a body that is then cut short decodes to
 * bytes the DER reader refuses.
 */
export const bulkBase64Decoder: Base64Decoder = (() => {
  const buffer = hostBuffer();
  return buffer ? (base64: string) => buffer.from(base64, 'base64') : portableDecode;
})();
