// Expands the paths of a command line into files: a file is taken as given (whatever its name), a
// folder is searched recursively for the files a subcommand wants, skipping `node_modules` and
// `.git`. Paths are reported as the user wrote them, or joined under the folder they named (with
// node:path, so Windows paths work as well as POSIX ones). A path that cannot be read is reported
// and the others are still walked. `-` (standard input) is passed through as it is.
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { ioErrorFor, type IoError } from './errors';
import { isStdinArgument } from './standardInput';

/** Folders never searched. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export interface WalkOptions {
  /** Whether a file found inside a folder is wanted (by its base name). */
  accept(name: string): boolean;
}

export interface WalkResult {
  /** The files, in command-line order, each folder's content sorted by name; no file twice. */
  files: string[];
  problems: IoError[];
  /** Folders given on the command line in which no wanted file was found. */
  emptyFolders: string[];
}

/** A file name predicate from extensions (case-insensitive: `.YAML` is YAML on Windows). */
export function hasExtension(...extensions: string[]): (name: string) => boolean {
  const wanted = new Set(extensions.map((extension) => extension.toLowerCase()));
  return (name) => wanted.has(extname(name).toLowerCase());
}

export const isYamlFileName = hasExtension('.yaml', '.yml');

export async function walkFiles(paths: readonly string[], options: WalkOptions): Promise<WalkResult> {
  const result: WalkResult = { files: [], problems: [], emptyFolders: [] };
  const seenFiles = new Set<string>();
  // Real paths of the folders already searched: a symbolic link back up the tree is not a loop.
  const seenFolders = new Set<string>();

  const addFile = (path: string) => {
    const key = resolve(path);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    result.files.push(path);
  };

  const searchFolder = async (folder: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(folder);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      result.problems.push(ioErrorFor(folder, 'read folder', error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(folder, entry.name);
      let isFolder = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(path);
          isFolder = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // A dangling link inside a folder is not something the user asked about: skip it.
          continue;
        }
      }
      if (isFolder) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await searchFolder(path);
      } else if (isFile && options.accept(entry.name)) {
        addFile(path);
      }
    }
  };

  for (const path of paths) {
    // Standard input is read by the caller, in its place among the paths (standardInput.ts).
    if (isStdinArgument(path)) {
      result.files.push(path);
      continue;
    }
    let isFolder: boolean;
    try {
      isFolder = (await stat(path)).isDirectory();
    } catch (error) {
      result.problems.push(ioErrorFor(path, 'read', error));
      continue;
    }
    if (!isFolder) {
      addFile(path);
      continue;
    }
    const before = result.files.length;
    await searchFolder(path);
    if (result.files.length === before) result.emptyFolders.push(path);
  }
  return result;
}
