// What a walk of the folders read and left out, for the output channel: each root with the files
// read from it, the folders not entered and why, the files skipped and why. Paths and reasons
// only: nothing of a file's content reaches the log.
import type { InventorySnapshot } from '../../service';

type InventoryProblem = InventorySnapshot['problems'][number];

/** Files named per root; beyond this, a count. */
const FILES_LISTED = 20;

export interface WalkedRoot {
  /** The root's path as people read it. */
  path: string;
  kind: 'workspace' | 'certificatePath';
  /** The files read, relative to the root. */
  files: string[];
  /** Folders not entered, relative to the root, with why. */
  skippedFolders: Array<{ folder: string; reason: string }>;
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** The report of one walk, once its files are read: `problems` are the inventory's (skipped files). */
export function formatScanReport(
  roots: readonly WalkedRoot[],
  problems: readonly InventoryProblem[],
  certificates: number,
): string {
  const files = roots.reduce((sum, root) => sum + root.files.length, 0);
  const lines = [
    `Certificate scan: ${plural(files, 'file')} read from ${plural(roots.length, 'folder')}, ${plural(certificates, 'certificate')} in all`,
  ];
  for (const root of roots) {
    const what = root.kind === 'workspace' ? 'workspace folder' : 'renewRevocation.certificatePaths';
    const listed = root.files.slice(0, FILES_LISTED).join(', ');
    const more = root.files.length > FILES_LISTED ? `, and ${root.files.length - FILES_LISTED} more` : '';
    lines.push(`  read ${root.path} (${what}): ${root.files.length === 0 ? 'no file' : `${listed}${more}`}`);
    for (const { folder, reason } of root.skippedFolders) lines.push(`  skipped folder ${folder}: ${reason}`);
  }
  for (const problem of problems) {
    if (problem.code === 'pem-invalid') continue;
    lines.push(`  skipped file ${problem.path}: ${problem.message}`);
  }
  return lines.join('\n');
}
