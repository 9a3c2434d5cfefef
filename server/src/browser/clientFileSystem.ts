// The browser worker's file access for the inventory: it has no file system of its own, so it
// asks the client, which reads through the editor (protocol/fileSystemRequests.ts). Same contract
// as the Node host's (lsp/runtime.ts): undefined or [] when nothing can be read, a rejection when
// a file cannot be.
import type { Connection } from 'vscode-languageserver';
import {
  FILE_SYSTEM_READ_DIRECTORY_REQUEST,
  FILE_SYSTEM_READ_FILE_REQUEST,
  FILE_SYSTEM_STAT_REQUEST,
  type FileSystemContent,
  type FileSystemDirectory,
  type FileSystemParams,
  type FileSystemStat,
} from '../protocol';
import { base64Bytes } from '../lsp/base64Bytes';
import type { FileSystemAccess } from '../lsp/runtime';

export function clientFileSystem(connection: Connection): FileSystemAccess {
  const ask = <T>(method: string, uri: string) => connection.sendRequest<T>(method, { uri } satisfies FileSystemParams);
  return {
    async stat(uri) {
      try {
        return (await ask<FileSystemStat | null>(FILE_SYSTEM_STAT_REQUEST, uri)) ?? undefined;
      } catch {
        return undefined;
      }
    },
    async readDirectory(uri) {
      try {
        return await ask<FileSystemDirectory>(FILE_SYSTEM_READ_DIRECTORY_REQUEST, uri);
      } catch {
        return [];
      }
    },
    async readFile(uri) {
      const content = await ask<FileSystemContent>(FILE_SYSTEM_READ_FILE_REQUEST, uri);
      return base64Bytes(content.base64);
    },
  };
}
