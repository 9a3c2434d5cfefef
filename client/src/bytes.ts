// Bytes and text with web APIs only (TextEncoder, btoa), which Node and a browser's web worker
// both have: the client runs in either, and a worker has no Buffer.

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function utf8Text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

/** Chunks keep String.fromCharCode's argument list short (a file is megabytes). */
const CHUNK = 0x8000;

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK));
  return btoa(binary);
}
