// Reads an X.501 Name from DER into the attributes names.ts formats, each with its DER value so
// that the printed form follows the value's ASN.1 type as OpenSSL's does.

import { rethrowIfOverBudget } from './decodeBudget';
import {
  contentBytes,
  DerError,
  DerReader,
  elementBytes,
  readLatin1,
  readOid,
  readUtf8,
  TAG,
  type DerElement,
} from './der';
import { hexDump, type DistinguishedName, type NameAttribute } from './names';

/** The RDNs of the Name `element` (a SEQUENCE OF SET OF AttributeTypeAndValue). */
export function readDistinguishedName(bytes: Uint8Array, element: DerElement, what: string): NameAttribute[][] {
  const rdns: NameAttribute[][] = [];
  const sequence = DerReader.inside(bytes, element);
  while (!sequence.done) {
    const set = DerReader.inside(bytes, sequence.expect(TAG.SET, `an RDN of the ${what}`));
    const rdn: NameAttribute[] = [];
    while (!set.done) {
      const pair = DerReader.inside(bytes, set.expect(TAG.SEQUENCE, `an attribute of the ${what}`));
      const type = readOid(bytes, pair.expect(TAG.OID, `an attribute type of the ${what}`));
      const value = pair.next(`an attribute value of the ${what}`);
      rdn.push({ type, value: valueText(bytes, value), der: elementBytes(bytes, value) });
    }
    rdns.push(rdn);
  }
  return rdns;
}

/** The text of an attribute value: strings decoded by their type, anything else as `#` + hex. */
function valueText(bytes: Uint8Array, element: DerElement): string {
  switch (element.tag) {
    case 0x0c: // UTF8String
      return readUtf8(bytes, element);
    case 0x1e: // BMPString
      return readCodeUnits(contentBytes(bytes, element), 2);
    case 0x1c: // UniversalString
      return readCodeUnits(contentBytes(bytes, element), 4);
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x14: // T61String, read as Latin-1 as OpenSSL does
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return readLatin1(bytes, element);
    default:
      return hexDump(elementBytes(bytes, element));
  }
}

function readCodeUnits(content: Uint8Array, width: 2 | 4): string {
  if (content.length % width !== 0)
    throw new DerError(
      `a ${width === 2 ? 'BMPString' : 'UniversalString'} has a length that is not a multiple of ${width}`,
    );
  let text = '';
  for (let i = 0; i < content.length; i += width) {
    let codePoint = 0;
    for (let j = 0; j < width; j++) codePoint = codePoint * 256 + content[i + j];
    text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
  }
  return text;
}

/** The Name encoded in `der` (e.g. `@peculiar/x509`'s `subjectName.toArrayBuffer()`), or an error. */
export function readNameDer(der: Uint8Array): DistinguishedName | { error: string } {
  try {
    const reader = DerReader.of(der);
    return readDistinguishedName(der, reader.expect(TAG.SEQUENCE, 'the name'), 'name');
  } catch (error) {
    rethrowIfOverBudget(error);
    return { error: error instanceof DerError ? error.message : String(error) };
  }
}
