// The preview's what-if notBefore timeline (client → server requests): what an entry's value
// matches whatever its notBefore, and the edit that writes a chosen instant as its notBefore.
// Type-only imports from the service, so a client bundle gets the names and nothing else.
import type { NotBeforeTimeline, PreviewEntryRef, TextEdit } from '../service';

export type { NotBeforeTimeline, TimelineCertificate } from '../service';

/**
 * `renewRevocation/notBeforeTimeline`: every certificate of the inventory the entry's value
 * matches, each with its own notBefore, sorted by it. `{ error }` when the entry matches nothing
 * (an invalid value or notBefore) or no longer exists; null when the document is not open.
 */
export const NOT_BEFORE_TIMELINE_REQUEST = 'renewRevocation/notBeforeTimeline';

export interface NotBeforeTimelineParams {
  textDocument: { uri: string };
  entry: PreviewEntryRef;
}

export type NotBeforeTimelineResult = ({ timeline: NotBeforeTimeline } | { error: string }) & {
  /** The document version the answer read. */
  documentVersion: number;
};

/**
 * `renewRevocation/notBeforeEdit`: the one text edit that makes `notBefore` (an RFC 3339
 * date-time) the entry's notBefore, for the document version it names; the client applies it
 * (one undoable edit). `{ error }` for an invalid instant or an entry that is gone.
 */
export const NOT_BEFORE_EDIT_REQUEST = 'renewRevocation/notBeforeEdit';

export interface NotBeforeEditParams {
  textDocument: { uri: string };
  entry: PreviewEntryRef;
  notBefore: string;
}

export type NotBeforeEditResult = ({ edit: TextEdit; notBefore: string } | { error: string }) & {
  documentVersion: number;
};
