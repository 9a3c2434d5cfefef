// The inventory of `--certs PATH...` (preview, lint): every file under the paths (folders
// recursively, every file, skipping node_modules and .git; `-` is standard input), each read
// within the size limit and handed to the service's pure reader, then into the inventory model.
// Files over the limit are skipped and become problems; paths that cannot be read are I/O errors
// (exit 2); a manifest given as a certificate path is named, for the command to refuse.
import { createHash } from 'node:crypto';
import {
  CertificateInventory,
  decodeText,
  formatBytes,
  type InventorySnapshot,
  parseFile,
  readCertificateFile,
} from '../../service';
import type { CommandContext } from '../command';
import type { IoError } from '../errors';
import { readEachFile } from '../readEachFile';
import { displayPath } from '../standardInput';
import { reportNote } from '../report';

export interface InventoryRun {
  snapshot: InventorySnapshot;
  /** Files read (or skipped as too large). */
  files: number;
  /** Paths that could not be read. */
  ioErrors: IoError[];
  /** Folders given in which no file was found. */
  emptyFolders: string[];
  /** Paths given with --certs (not found in a folder) that hold a RenewRevocation manifest. */
  manifests: string[];
}

/** A manifest handed to --certs by mistake: its text names the kind, and it parses as one. */
function holdsManifest(bytes: Buffer): boolean {
  if (!bytes.includes('RenewRevocation')) return false;
  return parseFile(decodeText(bytes), 'yaml').manifests.length > 0;
}

/** Node's SHA-256: several times the portable one's speed. */
export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function readInventory(paths: readonly string[], maxFileSize: number): Promise<InventoryRun> {
  const inventory = new CertificateInventory();
  let files = 0;
  const given = new Set(paths.map(displayPath));
  const manifests: string[] = [];
  const { problems, emptyFolders } = await readEachFile(
    paths,
    () => true,
    maxFileSize,
    (path, read) => {
      files++;
      if (read.kind === 'too-large') {
        const message = `${formatBytes(read.size)} is more than the ${formatBytes(maxFileSize)} limit: its certificates are not in the inventory`;
        inventory.setFile(path, { certificates: [], problems: [{ path, code: 'file-too-large', message }] });
        return;
      }
      if (given.has(path) && holdsManifest(read.bytes)) manifests.push(path);
      const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length);
      inventory.setFile(path, readCertificateFile(path, bytes, { sha256: nodeSha256 }));
    },
  );
  return { snapshot: inventory.snapshot(), files, ioErrors: problems, emptyFolders, manifests };
}

/** Notes on stderr about what the inventory could not use; the caller reports `ioErrors` as errors. */
export function reportInventoryNotes(context: CommandContext, run: InventoryRun): void {
  for (const folder of run.emptyFolders) reportNote(context, `no file found in '${folder}' (--certs)`);
  for (const problem of run.snapshot.problems) {
    if (problem.code === 'file-too-large') reportNote(context, `'${problem.path}' was not read: ${problem.message}`);
    else reportNote(context, `'${problem.path}', ${problem.message} (left out of the inventory)`);
  }
  if (run.files > 0 && run.snapshot.certificates.length === 0) {
    reportNote(
      context,
      `no certificate was found in the ${run.files === 1 ? 'file' : `${run.files} files`} given with --certs`,
    );
  }
}
