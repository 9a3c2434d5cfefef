// Certificate serial numbers: as people write them (hex with colons or spaces, a `0x` prefix,
// any case, sometimes negative) and in the one canonical form every output and every match uses
// (docs/MATCHING.md, "Canonical forms"): lowercase hex, no separators, no leading zeros, `0` for zero, `-` + magnitude.

/** RFC 5280 §4.1.2.2: conforming CAs use serials of at most 20 octets (DER content octets). */
export const MAX_SERIAL_OCTETS = 20;

export type SerialProblem = 'empty' | 'not-hex' | 'too-long';

export interface Serial {
  negative: boolean;
  /** The magnitude: lowercase hex, no leading zeros, `0` for zero. */
  magnitude: string;
  /** `magnitude`, with `-` in front when negative. */
  canonical: string;
  /** The text had a `0x` prefix. */
  hasPrefix: boolean;
  /** The text had colons or whitespace (inside or around the digits). */
  hasSeparators: boolean;
}

export type SerialParse =
  { ok: true; serial: Serial } | { ok: false; problem: SerialProblem; reason: string; serial?: Serial };

const SEPARATOR = /[:\s]/;
const HEX_DIGIT = /[0-9a-fA-F]/;
const HEX_DIGITS_ONLY = /^[0-9a-fA-F]+$/;

/** Reads a serial as written. Never throws. `too-long` still carries the parsed serial. */
export function parseSerial(text: string): SerialParse {
  // Most serials are written as bare hex digits: read those without the character walk below.
  if (HEX_DIGITS_ONLY.test(text)) return withLengthChecked(text, false, false, false);
  if (text.trim() === '') return { ok: false, problem: 'empty', reason: 'the serial number is empty' };
  let rest = text.trim();
  let hasSeparators = rest !== text;
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  let hasPrefix = false;
  if (/^0[xX]/.test(rest)) {
    hasPrefix = true;
    rest = rest.slice(2);
  }
  let digits = '';
  for (const char of rest) {
    if (HEX_DIGIT.test(char)) digits += char;
    else if (SEPARATOR.test(char)) hasSeparators = true;
    else return { ok: false, problem: 'not-hex', reason: `\`${char}\` is not a hexadecimal digit` };
  }
  if (digits === '') return { ok: false, problem: 'not-hex', reason: 'there are no hexadecimal digits' };
  return withLengthChecked(digits, negative, hasPrefix, hasSeparators);
}

/** The serial of these hex digits, refused as `too-long` beyond RFC 5280's 20 octets. */
function withLengthChecked(digits: string, negative: boolean, hasPrefix: boolean, hasSeparators: boolean): SerialParse {
  const magnitude = digits.toLowerCase().replace(/^0+(?=.)/, '');
  const isNegative = negative && magnitude !== '0';
  const serial: Serial = {
    negative: isNegative,
    magnitude,
    canonical: isNegative ? `-${magnitude}` : magnitude,
    hasPrefix,
    hasSeparators,
  };
  const octets = serialOctetCount(serial);
  if (octets > MAX_SERIAL_OCTETS) {
    return {
      ok: false,
      problem: 'too-long',
      reason: `it is ${octets} octets long; RFC 5280 allows at most ${MAX_SERIAL_OCTETS}`,
      serial,
    };
  }
  return { ok: true, serial };
}

/** The canonical form of a serial as written, or undefined when it is not a serial at all (too long still counts). */
export function canonicalSerial(text: string): string | undefined {
  const parsed = parseSerial(text);
  return parsed.ok ? parsed.serial.canonical : parsed.serial?.canonical;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/**
 * The length of the serial's DER INTEGER content in octets, as RFC 5280's 20-octet limit counts it:
 * the minimal two's complement, so a positive serial whose top bit is set needs a leading zero octet.
 */
export function serialOctetCount(serial: Pick<Serial, 'negative' | 'magnitude'>): number {
  if (!serial.negative && /^[1-9a-f]/.test(serial.magnitude)) {
    // A positive magnitude without leading zeros: its bit length follows from its first digit.
    const topBits = 32 - Math.clz32(parseInt(serial.magnitude[0], 16));
    return Math.ceil((4 * (serial.magnitude.length - 1) + topBits + 1) / 8);
  }
  const magnitude = BigInt(`0x${serial.magnitude}`);
  if (magnitude === 0n) return 1;
  // Positive m needs bitLength(m) + 1 bits (a sign bit); -m needs bitLength(m - 1) + 1.
  const bits = serial.negative ? bitLength(magnitude - 1n) + 1 : bitLength(magnitude) + 1;
  return Math.ceil(bits / 8);
}

/** The magnitude in whole octets, colon separated (`77:fd:f4:…`), as openssl and certificate viewers print it. */
export function serialColonForm(serial: Pick<Serial, 'negative' | 'magnitude'>): string {
  const even = serial.magnitude.length % 2 === 1 ? `0${serial.magnitude}` : serial.magnitude;
  const pairs = even.match(/../g) ?? [];
  return `${serial.negative ? '-' : ''}${pairs.join(':')}`;
}

/**
 * As `openssl x509 -noout -serial` prints it (after `serial=`): upper-case hex in whole octets
 * (`0E7B…`), so that a value can be found in openssl's output.
 */
export function serialOpensslForm(serial: Pick<Serial, 'negative' | 'magnitude'>): string {
  const even = serial.magnitude.length % 2 === 1 ? `0${serial.magnitude}` : serial.magnitude;
  return `${serial.negative ? '-' : ''}${even.toUpperCase()}`;
}

/** The serial's signed value. */
export function serialValue(serial: Pick<Serial, 'negative' | 'magnitude'>): bigint {
  const magnitude = BigInt(`0x${serial.magnitude}`);
  return serial.negative ? -magnitude : magnitude;
}

/** The serial's value in decimal (`159…`), with `-` when negative. */
export function serialDecimal(serial: Pick<Serial, 'negative' | 'magnitude'>): string {
  return serialValue(serial).toString(10);
}

/**
 * The canonical serial of a DER INTEGER's content octets (two's complement, big-endian), as the
 * certificate decoders read them. Empty content (malformed DER) reads as zero.
 */
export function canonicalSerialFromDer(content: Uint8Array): string {
  if (content.length === 0) return '0';
  let hex = '';
  for (const byte of content) hex += byte.toString(16).padStart(2, '0');
  let value = BigInt(`0x${hex}`);
  if (content[0] & 0x80) value -= 1n << BigInt(content.length * 8);
  return value < 0n ? `-${(-value).toString(16)}` : value.toString(16);
}

/** As `canonicalSerialFromDer`, from the content octets in hex (what `@peculiar/x509` gives as `serialNumber`). */
export function canonicalSerialFromDerHex(hex: string): string {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const even = clean.length % 2 === 1 ? `0${clean}` : clean;
  const bytes = new Uint8Array(even.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(even.slice(i * 2, i * 2 + 2), 16);
  return canonicalSerialFromDer(bytes);
}
