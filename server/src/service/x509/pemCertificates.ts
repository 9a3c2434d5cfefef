// Finds the certificate blocks of a PEM text quickly, for the inventory's bulk reading: plain
// string searches, no regular expression over the whole text. (The editor's finder, which also
// reports keys, CSRs and exact ranges, is a separate and more thorough piece.)

import { looksLikeBase64 } from './base64';
import { bulkBase64Decoder, type Base64Decoder } from './bulkBase64';

export type PemCertificateBlock = { offset: number; der: Uint8Array } | { offset: number; error: string };

const BEGIN = '-----BEGIN ';
const DASHES = '-----';
const LABELS = new Set(['CERTIFICATE', 'TRUSTED CERTIFICATE', 'X509 CERTIFICATE']);

/**
 * Every `CERTIFICATE` (and `TRUSTED CERTIFICATE`) block of `text`, in order, with the offset of
 * its BEGIN line: its DER bytes, or why its body does not decode. Other blocks are skipped.
 */
export function findPemCertificates(text: string, decode: Base64Decoder = bulkBase64Decoder): PemCertificateBlock[] {
  const blocks: PemCertificateBlock[] = [];
  let from = 0;
  for (;;) {
    const begin = text.indexOf(BEGIN, from);
    if (begin < 0) return blocks;
    const labelStart = begin + BEGIN.length;
    const labelEnd = text.indexOf(DASHES, labelStart);
    if (labelEnd < 0) return blocks;
    const label = text.slice(labelStart, labelEnd);
    from = labelEnd + DASHES.length;
    if (!LABELS.has(label)) continue;
    const endLine = `-----END ${label}-----`;
    const end = text.indexOf(endLine, from);
    const nextBegin = text.indexOf(BEGIN, from);
    if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
      blocks.push({ offset: begin, error: `the ${label} block has no \`${endLine}\` line` });
      continue;
    }
    const bodyStart = from;
    from = end + endLine.length;
    if (!looksLikeBase64(text, bodyStart, end)) {
      blocks.push({ offset: begin, error: `the body of the ${label} block is not base64` });
      continue;
    }
    const der = decode(text.slice(bodyStart, end));
    if (der === undefined) blocks.push({ offset: begin, error: `the body of the ${label} block is not valid base64` });
    else if (der.length === 0) blocks.push({ offset: begin, error: `the ${label} block is empty` });
    else blocks.push({ offset: begin, der });
  }
}
