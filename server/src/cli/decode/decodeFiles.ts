// The work of `decode`: every file under the paths given (folders recursively, every file), read
// within the size limit, and every certificate, CSR and key in it decoded by the service's full
// decoder. Files that cannot be read are problems; the others are still decoded.
import {
  decodeBlock,
  type DecodeResult,
  decodeText,
  type ExpiryClock,
  findBlocksInFile,
  findDerFile,
  type FoundBlock,
  LineIndex,
  withClock,
} from '../../service';
import type { IoError } from '../errors';
import { readEachFile } from '../readEachFile';

export interface DecodedBlock {
  block: FoundBlock;
  result: DecodeResult;
}

export interface DecodedFile {
  /** As given on the command line, or joined under the folder given. */
  path: string;
  /** For line numbers in the text output; undefined for binary DER. */
  lineIndex: LineIndex | undefined;
  /** Certificates, CSRs and keys (and blocks that fail to decode as one), in file order. */
  blocks: DecodedBlock[];
  /** Blocks of labels we do not decode (`X509 CRL`…): mentioned, never failures. */
  skipped: FoundBlock[];
}

export interface DecodeRun {
  files: DecodedFile[];
  problems: IoError[];
  /** Files over the size limit, not read. */
  tooLarge: Array<{ path: string; size: number }>;
  emptyFolders: string[];
}

export async function decodePaths(
  paths: readonly string[],
  clock: ExpiryClock,
  maxFileSize: number,
): Promise<DecodeRun> {
  const files: DecodedFile[] = [];
  const tooLarge: DecodeRun['tooLarge'] = [];
  const { problems, emptyFolders } = await readEachFile(
    paths,
    () => true,
    maxFileSize,
    (path, read) => {
      if (read.kind === 'too-large') {
        tooLarge.push({ path, size: read.size });
        return;
      }
      const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length);
      // Binary DER as bytes; anything else as text (UTF-8, or UTF-16 with its byte order mark).
      const { text, blocks } = findBlocksInFile(findDerFile(bytes) ? bytes : decodeText(read.bytes));
      const file: DecodedFile = {
        path,
        lineIndex: text === undefined ? undefined : new LineIndex(text),
        blocks: [],
        skipped: [],
      };
      for (const block of blocks) {
        const result = withClock(decodeBlock(block), clock);
        if (!result.ok && result.failure.kind === 'unknown' && block.label !== 'DER') file.skipped.push(block);
        else file.blocks.push({ block, result });
      }
      files.push(file);
    },
  );
  return { files, problems, tooLarge, emptyFolders };
}

/** True when some block does not decode (exit 1). */
export function hasFailures(run: DecodeRun): boolean {
  return run.files.some((file) => file.blocks.some(({ result }) => !result.ok));
}

/** True when the files read hold no certificate, request or key at all: nothing was decoded. */
export function nothingFound(run: DecodeRun): boolean {
  return run.problems.length === 0 && run.tooLarge.length === 0 && run.files.every((file) => file.blocks.length === 0);
}
