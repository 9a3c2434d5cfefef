// A minimal DER reader for the lean certificate path: it reads one element at a time inside the
// bounds of its parent, so a length that runs past its parent is caught where it happens, and
// it never recurses (the caller walks the fixed shape of a certificate). Malformed input raises
// a DerError, which the public readers turn into a message; nothing else is thrown, but for the
// BudgetExceeded of a decode that has run out of time (decodeBudget.ts).

import { spendBudget } from './decodeBudget';

export class DerError extends Error {}

/** One element: its tag byte and where its header and content lie in the buffer. */
export interface DerElement {
  /** The identifier octet (class, constructed bit and tag number), e.g. 0x30 for SEQUENCE. */
  tag: number;
  /** Offset of the identifier octet. */
  start: number;
  /** Offset of the first content octet. */
  contentStart: number;
  /** Offset just past the last content octet. */
  end: number;
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** Reads the elements between `offset` and `end` one after the other. */
export class DerReader {
  constructor(
    readonly bytes: Uint8Array,
    private offset: number,
    private readonly end: number,
  ) {}

  static of(bytes: Uint8Array): DerReader {
    return new DerReader(bytes, 0, bytes.length);
  }

  /** A reader over the content of a constructed element. */
  static inside(bytes: Uint8Array, element: DerElement): DerReader {
    return new DerReader(bytes, element.contentStart, element.end);
  }

  /** Offset of the next element. */
  get position(): number {
    return this.offset;
  }

  get done(): boolean {
    return this.offset >= this.end;
  }

  /** The tag of the next element, or -1 at the end. */
  peekTag(): number {
    return this.offset < this.end ? this.bytes[this.offset] : -1;
  }

  /** The next element; `what` names it in the error when there is none or it is malformed. */
  next(what: string): DerElement {
    const { bytes, end } = this;
    const start = this.offset;
    spendBudget();
    if (start >= end) throw new DerError(`${what} is missing (the data ends at byte ${start})`);
    const tag = bytes[start];
    let position = start + 1;
    if ((tag & 0x1f) === 0x1f) {
      // A high tag number: skip its base-128 octets (none of the fields read here use one).
      while (position < end && bytes[position] & 0x80) position++;
      position++;
    }
    if (position >= end) throw new DerError(`${what} at byte ${start} is cut off in its header`);
    let length = bytes[position++];
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets === 0)
        throw new DerError(`${what} at byte ${start} has an indefinite length, which DER does not allow`);
      if (octets > 4) throw new DerError(`${what} at byte ${start} claims a length of ${octets} octets`);
      if (position + octets > end) throw new DerError(`${what} at byte ${start} is cut off in its length`);
      length = 0;
      for (let i = 0; i < octets; i++) length = length * 256 + bytes[position++];
    }
    const contentEnd = position + length;
    if (contentEnd > end) {
      throw new DerError(`${what} at byte ${start} claims ${length} bytes but only ${end - position} remain`);
    }
    this.offset = contentEnd;
    return { tag, start, contentStart: position, end: contentEnd };
  }

  /** The next element, which must have `tag`. */
  expect(tag: number, what: string): DerElement {
    const element = this.next(what);
    if (element.tag !== tag)
      throw new DerError(`${what} at byte ${element.start} has tag ${hexByte(element.tag)}, expected ${hexByte(tag)}`);
    return element;
  }

  /** The next element if it has `tag`, else nothing (and nothing is consumed). */
  optional(tag: number): DerElement | undefined {
    return this.peekTag() === tag ? this.next('an optional field') : undefined;
  }
}

export function hexByte(byte: number): string {
  return `0x${byte.toString(16).padStart(2, '0')}`;
}

/** The content octets of an element (a view, not a copy). */
export function contentBytes(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.contentStart, element.end);
}

/** The whole element, header included (a view). */
export function elementBytes(bytes: Uint8Array, element: DerElement): Uint8Array {
  return bytes.subarray(element.start, element.end);
}

/** Dotted text of an OBJECT IDENTIFIER's content. */
export function readOid(bytes: Uint8Array, element: DerElement): string {
  const { contentStart, end } = element;
  if (contentStart === end) throw new DerError(`an object identifier at byte ${element.start} is empty`);
  let text = '';
  let value = 0;
  let first = true;
  for (let i = contentStart; i < end; i++) {
    const byte = bytes[i];
    // Arcs beyond 2^53 do not occur in certificates; refuse them rather than print a wrong number.
    if (value > 0x1fffffffffff)
      throw new DerError(`an object identifier at byte ${element.start} has an arc too large to read`);
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (first) {
      const top = value < 40 ? 0 : value < 80 ? 1 : 2;
      text = `${top}.${value - top * 40}`;
      first = false;
    } else text += `.${value}`;
    value = 0;
  }
  if (bytes[end - 1] & 0x80)
    throw new DerError(`an object identifier at byte ${element.start} ends in the middle of an arc`);
  return text;
}

/** A BOOLEAN's value (DER writes TRUE as 0xff; any non-zero octet is read as true). */
export function readBoolean(bytes: Uint8Array, element: DerElement): boolean {
  if (element.end - element.contentStart !== 1)
    throw new DerError(`a BOOLEAN at byte ${element.start} is not one octet long`);
  return bytes[element.contentStart] !== 0;
}

/** Each content byte as one character (ASCII and Latin-1 string types). */
export function readLatin1(bytes: Uint8Array, element: DerElement): string {
  let text = '';
  for (let i = element.contentStart; i < element.end; i++) text += String.fromCharCode(bytes[i]);
  return text;
}

const utf8 = new TextDecoder('utf-8');

/** UTF-8 text of the content, with U+FFFD for malformed sequences; ASCII without a decoder. */
export function readUtf8(bytes: Uint8Array, element: DerElement): string {
  for (let i = element.contentStart; i < element.end; i++) {
    if (bytes[i] >= 0x80) return utf8.decode(bytes.subarray(element.contentStart, element.end));
  }
  return readLatin1(bytes, element);
}
