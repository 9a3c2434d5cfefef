// Bytes of a file to text (the CLI, the server's scanner, the inventory reader): UTF-8 with the
// byte order mark removed, and invalid sequences replaced (U+FFFD) instead of failing, so a stray
// Latin-1 byte or a binary file still gets an answer. UTF-16 files (with their BOM, as Windows
// tools write them) are decoded too.

const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((value, index) => bytes[index] === value);
}

export function decodeText(bytes: Uint8Array): string {
  if (hasPrefix(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le', { fatal: false }).decode(bytes);
  if (hasPrefix(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be', { fatal: false }).decode(bytes);
  return UTF8.decode(bytes);
}
