// The client's side of protocol/fileSystemRequests.ts: the browser worker's server reads the
// certificate inventory through the editor's file system (workspace.fs), which reaches the
// workspace wherever it lives (code-server's machine, github.dev's virtual file system). Read-only.
import { FileType, Uri, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FILE_SYSTEM_READ_DIRECTORY_REQUEST,
  FILE_SYSTEM_READ_FILE_REQUEST,
  FILE_SYSTEM_STAT_REQUEST,
  type FileSystemContent,
  type FileSystemDirectory,
  type FileSystemEntryType,
  type FileSystemParams,
  type FileSystemStat,
} from '../../../server/src/protocol';
import { base64Of } from '../bytes';

/** A symbolic link to a file is a file; one to a folder is `other` and never walked (as on Node). */
function entryType(type: FileType): FileSystemEntryType {
  if (type & FileType.Directory) return type & FileType.SymbolicLink ? 'other' : 'directory';
  if (type & FileType.File) return 'file';
  return 'other';
}

export function answerFileSystemRequests(client: BaseLanguageClient): Disposable[] {
  return [
    client.onRequest(FILE_SYSTEM_STAT_REQUEST, async ({ uri }: FileSystemParams): Promise<FileSystemStat | null> => {
      try {
        const stat = await workspace.fs.stat(Uri.parse(uri));
        return { type: entryType(stat.type), size: stat.size, mtime: stat.mtime };
      } catch {
        return null;
      }
    }),
    client.onRequest(
      FILE_SYSTEM_READ_DIRECTORY_REQUEST,
      async ({ uri }: FileSystemParams): Promise<FileSystemDirectory> => {
        try {
          const children = await workspace.fs.readDirectory(Uri.parse(uri));
          return children.map(([name, type]) => [name, entryType(type)]);
        } catch {
          return [];
        }
      },
    ),
    client.onRequest(FILE_SYSTEM_READ_FILE_REQUEST, async ({ uri }: FileSystemParams): Promise<FileSystemContent> => ({
      base64: base64Of(await workspace.fs.readFile(Uri.parse(uri))),
    })),
  ];
}
