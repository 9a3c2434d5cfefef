// Base64 (RFC 4648, standard alphabet) to bytes, in plain TypeScript for the browser as for Node,
// and with a reason when the text is not base64: the `pem-invalid` message names it.

const VALUES = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((char, index) => {
  VALUES[char.charCodeAt(0)] = index;
});

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; reason: string; offset: number };

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Decodes base64, skipping whitespace (PEM bodies are wrapped; YAML may indent them). Padding is
 * optional, as many tools drop it; a character outside the alphabet, data after the padding, or
 * a length no encoder produces is an error whose `offset` is where in `text` it was found.
 */
export function decodeBase64(text: string): Base64Result {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let digits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) continue;
    if (code === 0x3d /* = */) {
      padding++;
      if (padding > 2) return { ok: false, reason: 'too much `=` padding', offset: i };
      continue;
    }
    const value = code < 128 ? VALUES[code] : -1;
    if (value < 0) return { ok: false, reason: `\`${text[i]}\` is not a base64 character`, offset: i };
    if (padding > 0) return { ok: false, reason: 'base64 data goes on after the `=` padding', offset: i };
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    digits++;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  if (digits % 4 === 1)
    return {
      ok: false,
      reason: 'the base64 data is cut short (its length is not a whole number of bytes)',
      offset: text.length,
    };
  if (padding > 0 && (digits + padding) % 4 !== 0)
    return { ok: false, reason: 'the base64 padding does not fit the data length', offset: text.length };
  return { ok: true, bytes: out.slice(0, length) };
}

/** True when every non-space character is in the base64 alphabet (or `=`): a cheap test before decoding. */
export function looksLikeBase64(text: string, start = 0, end = text.length): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || code === 0x3d) continue;
    if (code >= 128 || VALUES[code] < 0) return false;
  }
  return true;
}
