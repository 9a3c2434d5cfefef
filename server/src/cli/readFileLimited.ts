// Reads a whole file unless it is larger than the limit (renewRevocation.maxFileSize): a 50 MB
// file is reported, not loaded. The size is taken from the open handle, so a file that grows
// between the check and the read is still cut at the limit.
import { open } from 'node:fs/promises';
import { ioErrorFor } from './errors';

export type LimitedRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number };

/** Throws an IoError (with a reason for people) when the file cannot be read. */
export async function readFileLimited(path: string, maxBytes: number): Promise<LimitedRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw ioErrorFor(path, 'read', error);
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { kind: 'too-large', size };
    // Read until end of file or past the limit: the size can be stale (a growing log) or 0 (a pipe).
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= maxBytes) {
      const chunk = Buffer.alloc(Math.max(64 * 1024, Math.min(size + 1 - length, maxBytes + 1 - length)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > maxBytes) return { kind: 'too-large', size: Math.max(size, length) };
    return { kind: 'bytes', bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length) };
  } catch (error) {
    throw ioErrorFor(path, 'read', error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
