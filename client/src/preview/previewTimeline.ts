// The what-if notBefore timeline of one preview panel: which entry's timeline is open, asking the
// server for it (again after each refresh of the preview, so it follows edits and the inventory),
// and Apply: the server computes the edit that writes the chosen notBefore, and it is applied to
// the manifest as one workspace edit (one undo step), unless the manifest changed in between.
import { Range, workspace, WorkspaceEdit, type Uri } from 'vscode';
import type {
  NotBeforeEditResult,
  NotBeforeTimelineResult,
  PreviewEntryRef,
  PreviewPanelMessage,
} from '../../../server/src/protocol';
import { renderTimeline, renderTimelineError } from './timelineHtml';

/** The server's two timeline requests for a manifest. */
export interface TimelineRequester {
  timeline(uri: Uri, entry: PreviewEntryRef): Promise<NotBeforeTimelineResult | null>;
  notBeforeEdit(uri: Uri, entry: PreviewEntryRef, notBefore: string): Promise<NotBeforeEditResult | null>;
}

export class PreviewTimeline {
  private entry: PreviewEntryRef | undefined;
  private html = '';
  private sequence = 0;

  constructor(
    private readonly uri: Uri,
    private readonly requester: TimelineRequester,
    private readonly post: (message: PreviewPanelMessage) => void,
    /** The entry's label in the preview (`#3`). */
    private readonly labelOf: (entry: PreviewEntryRef) => string,
  ) {}

  /** What the page shows of the timeline ('' when closed), for a page built afresh. */
  get content(): string {
    return this.html;
  }

  /** Opens (or reloads) the timeline of an entry; `focus` moves the keyboard focus to it. */
  async show(entry: PreviewEntryRef, focus: boolean): Promise<void> {
    this.entry = entry;
    const sequence = ++this.sequence;
    const result = await this.requester.timeline(this.uri, entry);
    if (sequence !== this.sequence) return;
    if (!result) this.html = renderTimelineError('the language server has no preview of this file');
    else if ('error' in result) this.html = renderTimelineError(result.error);
    else this.html = renderTimeline(result.timeline, { label: this.labelOf(entry) });
    this.post({ type: 'timeline', html: this.html, focus });
  }

  /** The preview was refreshed: the open timeline is asked for again, the focus left where it is. */
  async refresh(): Promise<void> {
    if (this.entry) await this.show(this.entry, false);
  }

  close(): void {
    this.entry = undefined;
    this.html = '';
    this.sequence++;
    this.post({ type: 'timeline', html: '', focus: false });
  }

  /** Writes `notBefore` into the entry as one undoable edit; throws with the reason when it cannot. */
  async apply(entry: PreviewEntryRef, notBefore: string): Promise<void> {
    const document = await workspace.openTextDocument(this.uri);
    const version = document.version;
    const result = await this.requester.notBeforeEdit(this.uri, entry, notBefore);
    if (!result) throw new Error('the language server has no preview of this file');
    if ('error' in result) throw new Error(result.error);
    if (result.documentVersion !== version || document.version !== version)
      throw new Error('the manifest changed while the notBefore edit was made: choose the instant and apply again');
    const { start, end } = result.edit.range;
    const edit = new WorkspaceEdit();
    edit.replace(this.uri, new Range(start.line, start.character, end.line, end.character), result.edit.newText, {
      label: `Set notBefore to ${result.notBefore}`,
      needsConfirmation: false,
    });
    if (!(await workspace.applyEdit(edit))) throw new Error('VS Code did not apply the notBefore edit');
  }
}
