// The requests a server without a file system of its own (the browser worker's) sends its client
// to read the certificate inventory: the client answers through the editor's file system, so the
// workspace is read wherever it lives (a remote machine, github.dev's virtual file system). The
// server walks and filters as it does on Node (globs, excludes, size limit, open documents);
// these only stat, list and read. Nothing here writes.

/** `renewRevocation/fileSystem/stat` (server → client): `{ uri }` → `FileSystemStat`, or null when nothing is there. */
export const FILE_SYSTEM_STAT_REQUEST = 'renewRevocation/fileSystem/stat';
/** `renewRevocation/fileSystem/readDirectory` (server → client): `{ uri }` → the children's names and types; [] when unreadable. */
export const FILE_SYSTEM_READ_DIRECTORY_REQUEST = 'renewRevocation/fileSystem/readDirectory';
/** `renewRevocation/fileSystem/readFile` (server → client): `{ uri }` → `{ base64 }`, the whole file; an error when unreadable. */
export const FILE_SYSTEM_READ_FILE_REQUEST = 'renewRevocation/fileSystem/readFile';

export interface FileSystemParams {
  uri: string;
}

export type FileSystemEntryType = 'file' | 'directory' | 'other';

export interface FileSystemStat {
  type: FileSystemEntryType;
  size: number;
  /** Modification time in milliseconds. */
  mtime: number;
}

export type FileSystemDirectory = Array<[name: string, type: FileSystemEntryType]>;

export interface FileSystemContent {
  base64: string;
}
