// What lint, decode and the `--certs` inventory all do with the paths given: walk them (folders
// recursively, walkFiles.ts) and read each file within the size limit (readFileLimited.ts), one
// at a time; `-` is standard input, handed on as `<stdin>`. A file that cannot be read becomes a
// problem (exit 2) and the others are still read.
import { IoError } from './errors';
import { readFileLimited, type LimitedRead } from './readFileLimited';
import { displayPath, isStdinArgument, readStandardInput } from './standardInput';
import { walkFiles, type WalkOptions } from './walkFiles';

export interface ReadEachResult {
  /** Paths that could not be walked or read, in the order met. */
  problems: IoError[];
  /** Folders given in which no file was found. */
  emptyFolders: string[];
}

export async function readEachFile(
  paths: readonly string[],
  accept: WalkOptions['accept'],
  maxFileSize: number,
  each: (path: string, read: LimitedRead) => void,
): Promise<ReadEachResult> {
  const walked = await walkFiles(paths, { accept });
  const problems = [...walked.problems];
  for (const path of walked.files) {
    let read: LimitedRead;
    try {
      read = isStdinArgument(path)
        ? { kind: 'bytes', bytes: await readStandardInput(maxFileSize) }
        : await readFileLimited(path, maxFileSize);
    } catch (error) {
      if (!(error instanceof IoError)) throw error;
      problems.push(error);
      continue;
    }
    each(displayPath(path), read);
  }
  return { problems, emptyFolders: walked.emptyFolders };
}
