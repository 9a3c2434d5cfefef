// Just enough DER writing to build certificates quickly (a few microseconds each): lengths,
// SEQUENCE/SET, OIDs, INTEGERs, strings and times.

export function tlv(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  const header =
    length < 0x80
      ? [tag, length]
      : length < 0x100
        ? [tag, 0x81, length]
        : length < 0x10000
          ? [tag, 0x82, length >> 8, length & 0xff]
          : [tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

export const sequence = (...items: Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (...items: Uint8Array[]): Buffer => tlv(0x31, Buffer.concat(items));
export const explicit = (number: number, item: Uint8Array): Buffer => tlv(0xa0 | number, item);
export const integer = (content: Uint8Array): Buffer => tlv(0x02, content);
export const octetString = (content: Uint8Array): Buffer => tlv(0x04, content);
export const bitString = (content: Uint8Array): Buffer => tlv(0x03, Buffer.concat([Buffer.of(0), content]));
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
export const printableString = (text: string): Buffer => tlv(0x13, Buffer.from(text, 'latin1'));
export const NULL = Buffer.of(0x05, 0x00);
export const TRUE = Buffer.of(0x01, 0x01, 0xff);

const oidCache = new Map<string, Buffer>();

export function oid(dotted: string): Buffer {
  const cached = oidCache.get(dotted);
  if (cached) return cached;
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [];
  const push = (value: number): void => {
    const group: number[] = [value & 0x7f];
    for (let rest = Math.floor(value / 128); rest > 0; rest = Math.floor(rest / 128))
      group.unshift(0x80 | (rest & 0x7f));
    bytes.push(...group);
  };
  push(arcs[0] * 40 + arcs[1]);
  for (const arc of arcs.slice(2)) push(arc);
  const encoded = tlv(0x06, Uint8Array.from(bytes));
  oidCache.set(dotted, encoded);
  return encoded;
}

/** UTCTime for 1950–2049, GeneralizedTime after, as RFC 5280 requires. */
export function time(date: Date): Buffer {
  const iso = date.toISOString();
  const digits = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050
    ? tlv(0x17, Buffer.from(digits.slice(2), 'latin1'))
    : tlv(0x18, Buffer.from(digits, 'latin1'));
}
