// `-` in place of a path is standard input, as in most command-line tools: `kubectl get … -o yaml
// | renew-revocation lint -`. It is read whole, within the same size limit as a file, and named
// `<stdin>` wherever a path would be shown. A file really named `-` is still reachable as `./-`.
import { formatBytes } from '../service';
import { fstatSync } from 'node:fs';
import { describeIoFailure, IoError, ioErrorFor, UsageError } from './errors';

export const STDIN_ARGUMENT = '-';
export const STDIN_NAME = '<stdin>';

export function isStdinArgument(path: string): boolean {
  return path === STDIN_ARGUMENT;
}

/** How a path is shown: `<stdin>` for `-`, anything else as given. */
export function displayPath(path: string): string {
  return isStdinArgument(path) ? STDIN_NAME : path;
}

/** Node reads a folder given as standard input as an empty stream: ask the descriptor itself. */
function refuseFolder(): void {
  let isFolder: boolean;
  try {
    isFolder = fstatSync(0).isDirectory();
  } catch (error) {
    throw ioErrorFor(STDIN_NAME, 'read', error);
  }
  if (isFolder) throw new IoError(`cannot read '${STDIN_NAME}': ${describeIoFailure({ code: 'EISDIR' })}`, STDIN_NAME);
}

/**
 * Standard input, whole. More than `maxBytes` is an IoError rather than a skipped file: the size
 * of a stream is unknown until its end, and a pipe cut at the limit would be judged on a part.
 * Nothing at all is an IoError too: it is what a pipe carries when the command before it failed
 * (`kubectl get …` without a cluster), and a check of it would pass on nothing.
 */
export async function readStandardInput(
  maxBytes: number,
  input: NodeJS.ReadableStream = process.stdin,
): Promise<Buffer> {
  if (input === process.stdin) refuseFolder();
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of input) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      length += bytes.length;
      // Leaving the loop destroys the stream: nothing more is read from a producer that goes on.
      if (length > maxBytes) break;
      chunks.push(bytes);
    }
  } catch (error) {
    throw ioErrorFor(STDIN_NAME, 'read', error);
  }
  if (length > maxBytes) {
    throw new IoError(
      `cannot read '${STDIN_NAME}': it holds more than the ${formatBytes(maxBytes)} limit (renewRevocation.maxFileSize); write it to files of at most that size and give their paths`,
      STDIN_NAME,
    );
  }
  const bytes = Buffer.concat(chunks, length);
  if (bytes.toString('latin1').trim() === '') {
    throw new IoError(`cannot read '${STDIN_NAME}': it is empty (did the command before the pipe fail?)`, STDIN_NAME);
  }
  return bytes;
}

/** Where a command takes paths: the label shown in the error, and the paths given there. */
export interface PathRole {
  label: string;
  paths: readonly string[];
}

/** Standard input can be read once: a second `-` would find it empty and pass on nothing. */
export function checkStdinOnce(roles: readonly PathRole[]): void {
  const readers = roles.flatMap((role) => role.paths.filter(isStdinArgument).map(() => role.label));
  if (readers.length > 1) {
    throw new UsageError(
      `standard input can be read only once, and '-' is given ${readers.length} times (${readers.join(', ')}); give the other inputs as files`,
    );
  }
}
