// Reads a whole file unless it is larger than the limit (renewRevocation.maxFileSize): a 50 MB
// file is reported, not loaded. The size is taken from the open handle, so a file that grows
// between the check and the read is still cut at the limit.
//
// The calls are synchronous: the command line reads one file after another and has no event
// loop to keep free, and each asynchronous call is a round trip through libuv's thread pool
// (open, stat, read, read, close: 10,000 certificate files took 3 s that way, 0.3 s like this).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ioErrorFor } from './errors';

export type LimitedRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number };

/** Throws an IoError (with a reason for people) when the file cannot be read. */
export async function readFileLimited(path: string, maxBytes: number): Promise<LimitedRead> {
  let handle: number;
  try {
    handle = openSync(path, 'r');
  } catch (error) {
    throw ioErrorFor(path, 'read', error);
  }
  try {
    const { size } = fstatSync(handle);
    if (size > maxBytes) return { kind: 'too-large', size };
    // Read until end of file or past the limit: the size can be stale (a growing log) or 0 (a pipe).
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= maxBytes) {
      // Not from the shared pool: callers may keep the bytes (and read their `buffer`).
      const chunk = Buffer.allocUnsafeSlow(Math.max(length === 0 ? size + 1 : 64 * 1024, 1));
      const bytesRead = readSync(handle, chunk, 0, Math.min(chunk.length, maxBytes + 1 - length), null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > maxBytes) return { kind: 'too-large', size: Math.max(size, length) };
    return { kind: 'bytes', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length) };
  } catch (error) {
    throw ioErrorFor(path, 'read', error);
  } finally {
    try {
      closeSync(handle);
    } catch {
      // Closing a file that was read cannot lose anything.
    }
  }
}
