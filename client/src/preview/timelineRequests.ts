// The timeline's two requests (server/src/protocol/whatIfNotBefore.ts) sent through the language
// client, for the preview panels.
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  NOT_BEFORE_EDIT_REQUEST,
  NOT_BEFORE_TIMELINE_REQUEST,
  type NotBeforeEditParams,
  type NotBeforeEditResult,
  type NotBeforeTimelineParams,
  type NotBeforeTimelineResult,
} from '../../../server/src/protocol';
import type { TimelineRequester } from './previewTimeline';

export function timelineRequester(client: BaseLanguageClient): TimelineRequester {
  return {
    timeline(uri, entry) {
      const params: NotBeforeTimelineParams = {
        textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
        entry: { document: entry.document, index: entry.index },
      };
      return client.sendRequest<NotBeforeTimelineResult | null>(NOT_BEFORE_TIMELINE_REQUEST, params);
    },
    notBeforeEdit(uri, entry, notBefore) {
      const params: NotBeforeEditParams = {
        textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
        entry: { document: entry.document, index: entry.index },
        notBefore,
      };
      return client.sendRequest<NotBeforeEditResult | null>(NOT_BEFORE_EDIT_REQUEST, params);
    },
  };
}
