// The messages between the revocation preview panel (client/src/preview/previewPanel.ts, in the
// extension host) and its webview page (media/preview/preview.js, type-checked against this file
// through JSDoc). The page is untrusted content: what it sends is checked with
// isPreviewPageMessage before the panel acts on it. No imports: the webview's type check reads
// this file alone.

/** Page → panel: what the user asked for on the page. */
export type PreviewPageMessage =
  /** The page's script has started: what the panel posts from now on reaches it. */
  | { type: 'ready' }
  /** Open a certificate's source at a 0-based line; without a line (binary DER), its decoded view. */
  | { type: 'openSource'; path: string; line?: number }
  /** Put the cursor on an entry of the manifest (0-based line and character). */
  | { type: 'revealEntry'; line: number; character: number }
  /** Export the preview; the panel accepts `markdown`, `csv` and `json`. */
  | { type: 'export'; format: string }
  /** Load the next page of kept certificates. */
  | { type: 'showMoreKept' }
  /** Revoke these certificates (SHA-256 fingerprints): a row's button, or the selected rows. */
  | { type: 'revoke'; fingerprints: string[] }
  /** Open the what-if notBefore timeline of an entry. */
  | { type: 'openTimeline'; document: number; index: number }
  /** Close the timeline. */
  | { type: 'closeTimeline' }
  /** Write `notBefore` (an RFC 3339 instant) as the entry's notBefore: the timeline's Apply. */
  | { type: 'applyNotBefore'; document: number; index: number; notBefore: string };

/** Panel → page: new content for the page. */
export type PreviewPanelMessage =
  /** A refreshed preview: the new content of `<main>`; `focus` is the id of an entry to bring into view. */
  | { type: 'render'; body: string; focus?: string }
  /** A page of kept certificates: rows for the end of the kept table and the note that replaces the one under it. */
  | { type: 'appendKept'; rows: string; more: string }
  /** The what-if notBefore timeline's new content ('' closes it); `focus` moves the keyboard focus into it. */
  | { type: 'timeline'; html: string; focus: boolean };

/** Whether a message from the page is one the panel understands, with fields of the right types. */
export function isPreviewPageMessage(value: unknown): value is PreviewPageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'openSource':
      return typeof message.path === 'string' && (message.line === undefined || Number.isInteger(message.line));
    case 'revealEntry':
      return Number.isInteger(message.line) && Number.isInteger(message.character);
    case 'export':
      return typeof message.format === 'string';
    case 'ready':
    case 'showMoreKept':
    case 'closeTimeline':
      return true;
    case 'revoke':
      return (
        Array.isArray(message.fingerprints) &&
        message.fingerprints.length > 0 &&
        message.fingerprints.every(
          (fingerprint) => typeof fingerprint === 'string' && /^[0-9a-f]{64}$/.test(fingerprint),
        )
      );
    case 'openTimeline':
      return Number.isInteger(message.document) && Number.isInteger(message.index);
    case 'applyNotBefore':
      return (
        Number.isInteger(message.document) && Number.isInteger(message.index) && typeof message.notBefore === 'string'
      );
    default:
      return false;
  }
}
