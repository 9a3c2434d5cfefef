// Base64 to bytes for bulk reading, the one host-dependent step of the lean certificate path:
// Node's Buffer decodes several times faster than JavaScript can. Elsewhere (a browser worker)
// the portable decoder of base64.ts serves. Whoever needs another decoder passes one in.

import { decodeBase64, type Base64Result } from './base64';

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

// Base64 alphabet and the whitespace decodeBase64 skips, padding at the end only.
const CLEAN_BASE64 = /^[A-Za-z0-9+/ \t\r\n]*(=[ \t\r\n]*){0,2}$/;

/**
 * Exactly `decodeBase64` (the same bytes, the same reasons), at the speed of the host's decoder
 * for the text that PEM bodies and Secret data almost always are. A regular expression vouches
 * for the alphabet and the place of the padding; the decoded length (or, without padding, the
 * count of digits) says whether the number of digits is one an encoder writes. Text that is not
 * clean goes to the portable decoder, which names the reason.
 */
export function decodeBase64Checked(text: string): Base64Result {
  const buffer = hostBuffer();
  if (!buffer || !CLEAN_BASE64.test(text)) return decodeBase64(text);
  const padding = countPadding(text);
  const bytes = buffer.from(text, 'base64');
  // Digits mod 4 → bytes mod 3: 0 → 0, 2 → 1, 3 → 2, and 1 (never valid) → 0. Only the last two
  // look alike, and only without padding: then the digits are counted.
  const rest = bytes.length % 3;
  const valid = padding > 0 ? rest === 3 - padding : rest !== 0 || countDigits(text) % 4 === 0;
  if (!valid) return decodeBase64(text);
  // A copy: Buffer's bytes may sit in its shared pool, and callers (the full decoder) keep them.
  return { ok: true, bytes: new Uint8Array(bytes) };
}

/** Characters that are not whitespace (in clean text without padding: the base64 digits). */
function countDigits(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) count++;
  }
  return count;
}

function countPadding(text: string): number {
  let count = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) count++;
    else if (code !== 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) break;
  }
  return count;
}
