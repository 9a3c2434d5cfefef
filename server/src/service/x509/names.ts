// Distinguished names in the one text form every output uses (docs/MATCHING.md, "Canonical forms"): RFC 4514, exactly as
// `openssl x509 -nameopt RFC2253` prints them. OpenSSL's rules, which this follows byte for byte:
// - the attributes are printed from the last to the first (within a multi-valued RDN too), `,`
//   between RDNs and `+` inside one, no spaces;
// - the type is OpenSSL's short name (`CN`, `O`, `emailAddress`, `street`…), else the dotted OID;
// - a string value is taken as UTF-8 (UTF8String as its raw bytes; PrintableString, IA5String,
//   T61String… one byte per character, Latin-1; BMPString and UniversalString as code points);
//   then `, + " \ < > ;` get a backslash, so do a leading `#` (unless it is the whole value) and a
//   leading or trailing space; control bytes and every byte of a non-ASCII character become
//   `\XX` (upper-case hex): `Sø` prints as `S\C3\B8`;
// - a value of an unknown attribute type, or one that is not a string, prints as `#` and the hex
//   of its whole DER element (`1.2.3.4=#0C03666F6F`).

import { ATTRIBUTE_NAMES, OID_COMMON_NAME, OID_ORGANIZATION } from './attributeNames';

export interface NameAttribute {
  /** The attribute type, as a dotted OID (`2.5.4.3`). */
  type: string;
  /** The value as text. */
  value: string;
  /**
   * The value's whole DER element (tag, length, content), when at hand. With it the printed form
   * follows the value's ASN.1 type exactly as OpenSSL does (a T61String's bytes as Latin-1, a
   * non-string value dumped as hex); without it the value is printed as a UTF8String of `value`.
   */
  der?: Uint8Array;
}

/** One RDN: the attributes of one SET, in certificate order. */
export type RelativeDistinguishedName = readonly NameAttribute[];
/** A Name: its RDNs in certificate order. */
export type DistinguishedName = readonly RelativeDistinguishedName[];

/** The RFC 4514 string of a name, as `openssl -nameopt RFC2253` prints it. */
export function formatName(name: DistinguishedName): string {
  let text = '';
  let first = true;
  for (let r = name.length - 1; r >= 0; r--) {
    const rdn = name[r];
    for (let a = rdn.length - 1; a >= 0; a--) {
      if (!first) text += a === rdn.length - 1 ? ',' : '+';
      first = false;
      text += formatAttribute(rdn[a]);
    }
  }
  return text;
}

/** The value of the last CN of a name (the one tools show), if there is one. */
export function commonNameOf(name: DistinguishedName): string | undefined {
  let found: string | undefined;
  for (const rdn of name) for (const attribute of rdn) if (attribute.type === OID_COMMON_NAME) found = attribute.value;
  return found;
}

/** Every O value of a name, in certificate order (Kubernetes reads them as groups). */
export function organizationsOf(name: DistinguishedName): string[] {
  const found: string[] = [];
  for (const rdn of name)
    for (const attribute of rdn) if (attribute.type === OID_ORGANIZATION) found.push(attribute.value);
  return found;
}

/** `type=value` of one attribute, as OpenSSL prints it. */
export function formatAttribute(attribute: NameAttribute): string {
  const shortName = ATTRIBUTE_NAMES.get(attribute.type);
  const der = attribute.der ?? utf8StringDer(attribute.value);
  if (shortName === undefined) return `${attribute.type}=${hexDump(der)}`;
  const text = stringValueAsUtf8(der);
  return `${shortName}=${text === undefined ? hexDump(der) : escapeUtf8(text)}`;
}

// ASN.1 universal string types OpenSSL prints as text, by how many bytes make one character
// (0: UTF-8 taken byte by byte). Every other type is dumped.
const STRING_WIDTHS: ReadonlyMap<number, number> = new Map([
  [12, 0], // UTF8String
  [18, 1], // NumericString
  [19, 1], // PrintableString
  [20, 1], // T61String
  [22, 1], // IA5String
  [23, 1], // UTCTime
  [24, 1], // GeneralizedTime
  [26, 1], // VisibleString
  [28, 4], // UniversalString
  [30, 2], // BMPString
]);

/** The UTF-8 bytes OpenSSL escapes for a string element, or undefined when it dumps it instead. */
function stringValueAsUtf8(der: Uint8Array): Uint8Array | undefined {
  const width = STRING_WIDTHS.get(der[0]);
  if (width === undefined) return undefined;
  const content = contentOf(der);
  if (content === undefined) return undefined;
  if (width === 0 || (width === 1 && isAscii(content))) return content;
  if (content.length % width !== 0) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < content.length; i += width) {
    let codePoint = 0;
    for (let j = 0; j < width; j++) codePoint = codePoint * 256 + content[i + j];
    if (!pushUtf8(bytes, codePoint)) return undefined;
  }
  return Uint8Array.from(bytes);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** The content of a DER element (short or long definite length), or undefined when malformed. */
function contentOf(der: Uint8Array): Uint8Array | undefined {
  if (der.length < 2) return undefined;
  let length = der[1];
  let offset = 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4 || der.length < 2 + octets) return undefined;
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[2 + i];
    offset += octets;
  }
  if (offset + length > der.length) return undefined;
  return der.subarray(offset, offset + length);
}

function pushUtf8(bytes: number[], codePoint: number): boolean {
  if (codePoint < 0x80) bytes.push(codePoint);
  else if (codePoint < 0x800) bytes.push(0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f));
  else if (codePoint < 0x10000) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
    bytes.push(0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f));
  } else if (codePoint < 0x110000) {
    bytes.push(
      0xf0 | (codePoint >> 18),
      0x80 | ((codePoint >> 12) & 0x3f),
      0x80 | ((codePoint >> 6) & 0x3f),
      0x80 | (codePoint & 0x3f),
    );
  } else return false;
  return true;
}

const HEX = '0123456789ABCDEF';
const BACKSLASHED = new Set([0x2c, 0x2b, 0x22, 0x5c, 0x3c, 0x3e, 0x3b]); // , + " \ < > ;

/** RFC 4514 escaping of UTF-8 bytes, with OpenSSL's choices (see the top of this file). */
export function escapeUtf8(bytes: Uint8Array): string {
  let text = '';
  const last = bytes.length - 1;
  for (let i = 0; i <= last; i++) {
    const byte = bytes[i];
    if (byte >= 0x80 || byte < 0x20 || byte === 0x7f) text += `\\${HEX[byte >> 4]}${HEX[byte & 15]}`;
    else if (BACKSLASHED.has(byte)) text += `\\${String.fromCharCode(byte)}`;
    // OpenSSL checks "first" and "last" as one flag, and a one-character value counts only as
    // last: a lone `#` stays as it is, a lone space is escaped.
    else if (byte === 0x23 && i === 0 && i !== last) text += '\\#';
    else if (byte === 0x20 && (i === 0 || i === last)) text += '\\ ';
    else text += String.fromCharCode(byte);
  }
  return text;
}

/** `#` and the upper-case hex of a whole DER element: how OpenSSL prints a value it does not read as text. */
export function hexDump(der: Uint8Array): string {
  let text = '#';
  for (const byte of der) text += HEX[byte >> 4] + HEX[byte & 15];
  return text;
}

function utf8StringDer(value: string): Uint8Array {
  const content = new TextEncoder().encode(value);
  const length = content.length;
  const header =
    length < 0x80
      ? [0x0c, length]
      : length < 0x100
        ? [0x0c, 0x81, length]
        : length < 0x10000
          ? [0x0c, 0x82, length >> 8, length & 0xff]
          : [0x0c, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  const der = new Uint8Array(header.length + length);
  der.set(header);
  der.set(content, header.length);
  return der;
}
