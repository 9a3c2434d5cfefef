// The Node host's file access for the inventory: read-only, by `file:` URI. Symbolic links to
// files are followed; links to folders are reported as `other` and so never walked (a link loop
// cannot trap the scan), as VS Code's own search does by default.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import type { FileStat, FileSystemAccess, FileType } from '../lsp/runtime';

function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

// stat and readFile are synchronous on purpose: certificate files are small, and a round trip
// through libuv's thread pool per call made a 10,000-file scan five times slower than the reads
// themselves. The scanner reads in small batches and yields to the event loop between them, so
// requests are still answered while it runs.
export const nodeFileSystem: FileSystemAccess = {
  async stat(uri) {
    const path = pathOf(uri);
    if (path === undefined) return undefined;
    try {
      const stats = fs.statSync(path);
      const type: FileType = stats.isFile() ? 'file' : stats.isDirectory() ? 'directory' : 'other';
      const result: FileStat = { type, size: stats.size, mtime: stats.mtimeMs };
      return result;
    } catch {
      return undefined;
    }
  },
  async readDirectory(uri) {
    const path = pathOf(uri);
    if (path === undefined) return [];
    try {
      const entries = await fs.promises.readdir(path, { withFileTypes: true });
      const children: Array<[string, FileType]> = [];
      for (const entry of entries) {
        let type: FileType = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
        if (entry.isSymbolicLink()) {
          try {
            type = (await fs.promises.stat(join(path, entry.name))).isFile() ? 'file' : 'other';
          } catch {
            type = 'other';
          }
        }
        children.push([entry.name, type]);
      }
      return children;
    } catch {
      return [];
    }
  },
  async readFile(uri) {
    const path = pathOf(uri);
    if (path === undefined) throw new Error(`not a file URI: ${uri}`);
    const bytes = fs.readFileSync(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  },
};

/** Node's SHA-256: several times the portable one's speed. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
