// One file's share of the inventory: every certificate in it, read through the lean path (bench/README.md),
// with its place in the file, and the certificate blocks that do not decode, with why. Pure: the
// host (the server's scanner, the CLI) reads the bytes and hands them in with the path it will
// show; the result goes straight into `CertificateInventory.setFile`.
//
// Where certificates sit is the finder's business (findCertificates.ts), shared with hover, the
// decoded view and `decode`: PEM blocks anywhere in text, base64 certificate data in YAML values
// (kubeconfigs, Secrets, `List`s of Secrets), whole-file DER. Only the decoding differs: the lean
// reader here, the full decoder there. Keys and CSRs are counted in `index` (as `decode` counts
// them) and never decoded.
import { decodeText } from '../text/decodeText';
import { LineIndex } from '../text/lineIndex';
import { blockPlace } from '../x509/blockPlace';
import { sha256Hex } from '../x509/digest';
import { findBlocksInFile, findDerFile } from '../x509/findCertificates';
import { readCertificateSummary, type Sha256Hex } from '../x509/leanCertificate';
import { fileTooLargeProblem, type FoundCertificate, type InventoryFile, type InventoryProblem } from './inventory';

export interface ReadCertificateFileOptions {
  /**
   * SHA-256 for the fingerprints. Default: the portable one (digest.ts), which runs anywhere; a
   * Node host passes `node:crypto`'s, several times faster.
   */
  sha256?: Sha256Hex;
  /** Content longer than this (bytes, or characters of text) is not read: one `file-too-large` problem. */
  maxFileSize?: number;
}

export interface CertificateFileReading extends InventoryFile {
  /** The path as handed in; problems carry it too. */
  path: string;
  /** Every certificate in file order, duplicates within the file included (the inventory keeps each place). */
  certificates: FoundCertificate[];
  /** Certificate blocks and certificate data that do not decode, each with its place and why. */
  problems: InventoryProblem[];
  /** Keys and CSRs found (counted in `index`, never decoded): lets a host tell "no certificate" from "nothing at all". */
  otherBlocks: number;
}

/**
 * The certificates of one file. `content` is the file's bytes (binary DER is recognised; text may
 * be UTF-8 or UTF-16 with its byte order mark) or its text (an open editor document). `path` is
 * opaque: a URI or an OS path, spelt as the host will spell it again. Never throws.
 */
export function readCertificateFile(
  path: string,
  content: string | Uint8Array,
  options: ReadCertificateFileOptions = {},
): CertificateFileReading {
  const reading: CertificateFileReading = { path, certificates: [], problems: [], otherBlocks: 0 };
  if (options.maxFileSize !== undefined && content.length > options.maxFileSize) {
    reading.problems.push(fileTooLargeProblem(path, content.length, options.maxFileSize));
    return reading;
  }
  try {
    collect(reading, content, options.sha256 ?? sha256Hex);
  } catch (error) {
    // The finder and the lean reader catch their own errors; this is the last guard.
    reading.certificates = [];
    reading.problems = [
      {
        path,
        code: 'unreadable',
        message: `the file could not be read for certificates: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  return reading;
}

function collect(reading: CertificateFileReading, content: string | Uint8Array, sha256: Sha256Hex): void {
  const der = typeof content === 'string' ? undefined : findDerFile(content);
  const text = der ? undefined : typeof content === 'string' ? content : decodeText(content);
  const blocks = der ? [der] : findBlocksInFile(text ?? '').blocks;
  const lineOf = text === undefined ? undefined : lineCounter(text);

  let index = 0;
  for (const block of blocks) {
    // As `decode` counts: certificates, CSRs and keys (and DER that is none of them); not the
    // blocks of labels nobody decodes (`X509 CRL`).
    if (block.kind === 'unknown' && block.label !== 'DER') continue;
    const blockIndex = index++;
    if (block.kind !== 'certificate') {
      reading.otherBlocks++;
      continue;
    }
    const position =
      lineOf && block.origin !== 'der'
        ? { index: blockIndex, offset: block.start, line: lineOf(block.start) }
        : { index: blockIndex };
    const summary =
      block.problem === undefined && block.bytes
        ? readCertificateSummary(block.bytes, sha256)
        : { error: block.problem ?? 'the block holds no data' };
    if ('error' in summary) {
      const place = blockPlace(block, text === undefined ? undefined : new LineIndex(text));
      reading.problems.push({
        path: reading.path,
        code: 'pem-invalid',
        message: `${place}: ${summary.error}`,
        ...position,
      });
    } else {
      reading.certificates.push({ certificate: summary, ...position });
    }
  }
}

/**
 * The 0-based line of offsets asked in ascending order (the blocks come in file order), counting
 * line breaks as LineIndex does (CRLF, LF, a lone CR) and reading each character once: most
 * certificate files are one block at offset 0, and a whole line table per file would cost more
 * than the rest of the reading.
 */
function lineCounter(text: string): (offset: number) => number {
  let position = 0;
  let line = 0;
  return (offset) => {
    if (offset < position) {
      position = 0;
      line = 0;
    }
    for (; position < offset; position++) {
      const code = text.charCodeAt(position);
      if (code === 10 || (code === 13 && text.charCodeAt(position + 1) !== 10)) line++;
    }
    return line;
  };
}
