// The preview timeline's two requests (protocol/whatIfNotBefore.ts): an entry's matches whatever
// its notBefore, and the edit that writes a chosen notBefore. Answered from the document's
// current model through the safe runner, like every request about a document.
import { ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import {
  NOT_BEFORE_EDIT_REQUEST,
  NOT_BEFORE_TIMELINE_REQUEST,
  type NotBeforeEditParams,
  type NotBeforeEditResult,
  type NotBeforeTimelineParams,
  type NotBeforeTimelineResult,
} from '../protocol';
import type { InventoryContext, LanguageService } from '../service/index';
import type { OnDocument } from './documentRequest';

function isEntryRef(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { document, index } = value as Record<string, unknown>;
  return Number.isInteger(document) && Number.isInteger(index);
}

export function registerWhatIfNotBefore(
  connection: Connection,
  onDocument: OnDocument,
  service: () => LanguageService,
  inventory: () => InventoryContext | undefined,
  versionOf: (uri: string) => number,
): void {
  connection.onRequest(NOT_BEFORE_TIMELINE_REQUEST, (params: NotBeforeTimelineParams, token: CancellationToken) => {
    if (!isEntryRef(params?.entry))
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `${NOT_BEFORE_TIMELINE_REQUEST}: entry must be {document, index}`,
      );
    return onDocument<NotBeforeTimelineParams, NotBeforeTimelineResult | null>(
      'the notBefore timeline',
      params,
      token,
      null,
      (model, _settings, { entry }, uri) => {
        const answer = service().notBeforeTimeline(model, entry, inventory());
        const documentVersion = versionOf(uri);
        return answer.ok ? { timeline: answer.timeline, documentVersion } : { error: answer.reason, documentVersion };
      },
    );
  });

  connection.onRequest(NOT_BEFORE_EDIT_REQUEST, (params: NotBeforeEditParams, token: CancellationToken) => {
    if (!isEntryRef(params?.entry) || typeof params?.notBefore !== 'string')
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `${NOT_BEFORE_EDIT_REQUEST}: entry must be {document, index} and notBefore a string`,
      );
    return onDocument<NotBeforeEditParams, NotBeforeEditResult | null>(
      'the notBefore edit',
      params,
      token,
      null,
      (model, _settings, { entry, notBefore }, uri) => {
        const answer = service().notBeforeEdit(model, entry, notBefore);
        const documentVersion = versionOf(uri);
        return answer.ok
          ? { edit: answer.edit, notBefore: answer.notBefore, documentVersion }
          : { error: answer.reason, documentVersion };
      },
    );
  });
}
