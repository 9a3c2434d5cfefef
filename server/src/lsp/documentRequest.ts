// The shape of server.ts's `onDocument`, for handlers registered from their own files: a request
// about one open document, answered from its settings and the model of its current version, or
// with `neutral` (not open, over the size limit, an error, cancelled).
import type { CancellationToken, ResponseError } from 'vscode-languageserver';
import type { FileModel, ServiceSettings } from '../service/index';

export type OnDocument = <P extends { textDocument: { uri: string } }, T>(
  what: string,
  params: P,
  token: CancellationToken,
  neutral: T,
  compute: (model: FileModel, documentSettings: ServiceSettings, params: P, uri: string) => T,
) => Promise<T | ResponseError<void>>;
