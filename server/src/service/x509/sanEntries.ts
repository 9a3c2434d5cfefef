// dNSName and iPAddress SAN entries that hold no DNS name or address, described for people. A
// dNSName is an IA5String, so ASCII: other octets are shown as their UTF-8 reading when they are
// UTF-8 (as openssl prints them) and as hex otherwise. An iPAddress is 4 or 16 octets; 8 or 32
// are an address and mask, as name constraints write them.
import type { InvalidSanEntry } from './decodedTypes';

export function isAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return false;
  return true;
}

export function hexOf(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function utf8Reading(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function invalidDnsName(bytes: Uint8Array): InvalidSanEntry {
  const text = utf8Reading(bytes);
  const reason = 'not ASCII, so not a valid DNS name (a dNSName is an IA5String)';
  return text === undefined
    ? { type: 'DNS', hex: hexOf(bytes), reason }
    : { type: 'DNS', hex: hexOf(bytes), text, reason };
}

export function invalidIpAddress(bytes: Uint8Array): InvalidSanEntry {
  const octets = `${bytes.length} ${bytes.length === 1 ? 'octet' : 'octets'}`;
  const reason =
    bytes.length === 8 || bytes.length === 32
      ? `${octets}: an address and mask, not a single address`
      : `${octets}: not an address (an address is 4 or 16 octets)`;
  return { type: 'IP', hex: hexOf(bytes), reason };
}

/** One line for people: `DNS 😜.example.com (not ASCII…; hex f09f…)`, `IP c0000200ffffff00 (8 octets: …)`. */
export function invalidSanEntryText(entry: InvalidSanEntry): string {
  if (entry.text !== undefined) return `${entry.type} ${entry.text} (${entry.reason}; hex ${entry.hex})`;
  return `${entry.type} ${entry.hex} (${entry.reason})`;
}
