// IP addresses as a `kind: IP` entry holds them and as certificates carry them (SAN iPAddress,
// 4 or 16 octets). Canonical text (docs/MATCHING.md, "Canonical forms"): IPv4 dotted; IPv6 RFC 5952 (lowercase, no leading
// zeros, the longest run of two or more zero groups as `::`), IPv4-mapped as `::ffff:10.0.0.1`.

export interface IpAddress {
  version: 4 | 6;
  /** 4 octets for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

export type IpProblem = 'empty' | 'cidr' | 'zone' | 'brackets' | 'port' | 'leading-zero' | 'invalid';

export type IpParse =
  | {
      ok: true;
      address: IpAddress;
      /** Canonical text. */
      canonical: string;
      /** Equal for equal addresses, IPv4-mapped IPv6 included (`::ffff:10.0.0.1` and `10.0.0.1`). */
      key: string;
    }
  | { ok: false; problem: IpProblem; reason: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

type V4Read = { bytes: number[] } | { leadingZero: true } | undefined;

function readIpv4(text: string): V4Read {
  const match = IPV4.exec(text);
  if (!match) return undefined;
  const parts = match.slice(1);
  if (parts.some((part) => Number(part) > 255)) return undefined;
  // `010.0.0.1` is octal 8.0.0.1 to inet_aton and decimal 10.0.0.1 elsewhere: refuse the ambiguity (as Go does).
  if (parts.some((part) => part.length > 1 && part.startsWith('0'))) return { leadingZero: true };
  return { bytes: parts.map(Number) };
}

function readGroups(part: string): number[] | undefined {
  if (part === '') return [];
  const groups: number[] = [];
  for (const group of part.split(':')) {
    if (!HEX_GROUP.test(group)) return undefined;
    groups.push(parseInt(group, 16));
  }
  return groups;
}

/** The 16 octets of an IPv6 address in any RFC 4291 text form, or undefined. */
function readIpv6(text: string): Uint8Array | undefined {
  if (!text.includes(':')) return undefined;
  let head = text;
  let tail: number[] = [];
  // An embedded IPv4 address takes the place of the last two groups.
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = readIpv4(last);
    if (!v4 || !('bytes' in v4)) return undefined;
    tail = [(v4.bytes[0] << 8) | v4.bytes[1], (v4.bytes[2] << 8) | v4.bytes[3]];
    // Keep the colon when it is part of `::` (`::1.2.3.4`, `::ffff:1.2.3.4` keeps `::ffff`).
    head = text.slice(0, text[lastColon - 1] === ':' ? lastColon + 1 : lastColon);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const left = readGroups(halves[0]);
    const right = readGroups(halves[1]);
    if (!left || !right) return undefined;
    const explicit = left.length + right.length + tail.length;
    if (explicit > 7) return undefined;
    groups = [...left, ...new Array<number>(8 - explicit).fill(0), ...right, ...tail];
  } else {
    const all = readGroups(head);
    if (!all || all.length + tail.length !== 8) return undefined;
    groups = [...all, ...tail];
  }
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[i * 2] = group >> 8;
    bytes[i * 2 + 1] = group & 0xff;
  });
  return bytes;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  return bytes.length === 16 && bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}

function formatIpv4(bytes: Uint8Array): string {
  return `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
}

function formatIpv6(bytes: Uint8Array): string {
  if (isIpv4Mapped(bytes)) return `::ffff:${formatIpv4(bytes.slice(12))}`;
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  // RFC 5952 §4.2: the longest run of zero groups (two or more; the first on a tie) becomes `::`.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** Canonical text of an address. */
export function formatIp(address: IpAddress): string {
  return address.version === 4 ? formatIpv4(address.bytes) : formatIpv6(address.bytes);
}

/** The equality key: IPv4-mapped IPv6 addresses key as their IPv4 address. */
export function ipKey(address: IpAddress): string {
  if (address.version === 6 && isIpv4Mapped(address.bytes)) return formatIpv4(address.bytes.slice(12));
  return formatIp(address);
}

function parsed(address: IpAddress): IpParse {
  return { ok: true, address, canonical: formatIp(address), key: ipKey(address) };
}

/** Reads an IPv4 or IPv6 address as written, with a reason a person can act on when it is not one. Never throws. */
export function parseIp(text: string): IpParse {
  if (text.trim() === '') return { ok: false, problem: 'empty', reason: 'the IP address is empty' };
  const v4 = readIpv4(text);
  if (v4 && 'bytes' in v4) return parsed({ version: 4, bytes: Uint8Array.from(v4.bytes) });
  if (v4)
    return {
      ok: false,
      problem: 'leading-zero',
      reason: 'an IPv4 part with a leading zero is ambiguous (octal to some tools); remove the leading zeros',
    };
  const v6 = readIpv6(text);
  if (v6) return parsed({ version: 6, bytes: v6 });
  return explainInvalid(text);
}

function isAddress(text: string): boolean {
  const v4 = readIpv4(text);
  return (v4 !== undefined && 'bytes' in v4) || readIpv6(text) !== undefined;
}

/** `10.0.0.0/8` or `fd00::/8`: a CIDR range, which an IP entry cannot hold. */
export function isCidr(text: string): boolean {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match) return false;
  const prefix = Number(match[2]);
  const v4 = readIpv4(match[1]);
  if (v4 && 'bytes' in v4) return prefix <= 32;
  return readIpv6(match[1]) !== undefined && prefix <= 128;
}

function explainInvalid(text: string): IpParse {
  if (isCidr(text)) {
    return {
      ok: false,
      problem: 'cidr',
      reason: 'ranges are not supported: an IP entry matches one address; write one entry per address',
    };
  }
  const zone = /^([^%]+)%.+$/.exec(text);
  if (zone && readIpv6(zone[1])) {
    return {
      ok: false,
      problem: 'zone',
      reason: `a zone id (\`%…\`) is not part of a certificate's address; write \`${zone[1]}\``,
    };
  }
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed && readIpv6(bracketed[1])) {
    return {
      ok: false,
      problem: 'brackets',
      reason: `write the address without brackets or port: \`${bracketed[1]}\``,
    };
  }
  const withPort = /^([\d.]+):\d+$/.exec(text);
  if (withPort && isAddress(withPort[1])) {
    return { ok: false, problem: 'port', reason: `a port is not part of an address; write \`${withPort[1]}\`` };
  }
  if (text.trim() !== text && isAddress(text.trim())) {
    return { ok: false, problem: 'invalid', reason: 'remove the spaces around the address' };
  }
  return {
    ok: false,
    problem: 'invalid',
    reason: 'it is not an IPv4 address (`10.0.0.1`) or an IPv6 address (`fd00::1`)',
  };
}

/** Canonical text of an address as written, or undefined. */
export function canonicalIp(text: string): string | undefined {
  const result = parseIp(text);
  return result.ok ? result.canonical : undefined;
}

/** Canonical text of a SAN iPAddress (4 or 16 octets), or undefined for any other length. */
export function canonicalIpFromBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length === 4) return formatIpv4(bytes);
  if (bytes.length === 16) return formatIpv6(bytes);
  return undefined;
}

/** The equality key of a SAN iPAddress (4 or 16 octets), or undefined for any other length. */
export function ipKeyFromBytes(bytes: Uint8Array): string | undefined {
  if (bytes.length === 4) return formatIpv4(bytes);
  if (bytes.length === 16) return ipKey({ version: 6, bytes });
  return undefined;
}
