// One revocation preview panel per manifest, beside the editor: built from the server's
// `renewRevocation/preview` answer, refreshed (after a short pause) as the manifest is edited and
// whenever the server says the inventory changed. The page (previewHtml.ts) asks for actions by
// message (the types both sides share are in server/src/protocol/webviewMessages.ts): open a
// certificate's source at its line, go to an entry, show more kept certificates, export. Messages
// are checked against the preview on show: the page can only open the places the preview lists.
//
// The server sends the kept certificates a page at a time (server/src/protocol): the panel asks
// for as many as the page shows (the first DEFAULT_KEPT_PAGE_SIZE, more after "Show more", kept
// across refreshes), appends the next page on "Show more", and asks for every one of them to
// export.
import {
  commands,
  Disposable,
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type ExtensionContext,
  type WebviewPanel,
} from 'vscode';
import { Utils } from 'vscode-uri';
import { base64Of } from '../bytes';
import {
  DEFAULT_KEPT_PAGE_SIZE,
  EVERY_KEPT,
  isPreviewPageMessage,
  type KeptPage,
  type PreviewEntryRef,
  type PreviewPanelMessage,
  type PreviewResult,
  REVOKE_COMMAND,
} from '../../../server/src/protocol';
import {
  entryId,
  KEPT_MORE_STEP,
  renderKeptMore,
  renderKeptRows,
  renderPreviewBody,
  renderPreviewPage,
  type PreviewBodyOptions,
} from './previewHtml';
import { exportPreview, isExportFormat } from './previewExport';
import { PreviewTimeline, type TimelineRequester } from './previewTimeline';

/** The panels' view type: the serializer that restores them after a reload is registered for it. */
export const PREVIEW_VIEW_TYPE = 'renewRevocation.preview';

/** The pause after an edit of the manifest before the preview is asked for again. */
const EDIT_DEBOUNCE_MS = 300;

/** `renewRevocation/preview` for a manifest, with the page of kept certificates wanted. */
export type PreviewRequester = (uri: Uri, kept: KeptPage) => Promise<PreviewResult | null>;

/** An inventory path as a URI: OS paths for files, URIs (other schemes) as they are. */
export function sourceUri(path: string): Uri {
  return /^[a-zA-Z][a-zA-Z0-9+.-]+:/.test(path) && !/^[a-zA-Z]:[\\/]/.test(path) ? Uri.parse(path) : Uri.file(path);
}

function displayPath(path: string): string {
  return workspace.asRelativePath(sourceUri(path));
}

function newNonce(): string {
  return base64Of(crypto.getRandomValues(new Uint8Array(18)));
}

class PreviewPanel {
  readonly panel: WebviewPanel;
  private latest: PreviewResult | undefined;
  /** True when the page shows `latest` through messages only (its html is older). */
  private htmlIsStale = false;
  /**
   * Whether the page's script has said it runs: a message posted before then is lost (after a
   * reload, a refresh soon after the first render was), so the page is rendered whole instead.
   */
  private pageReady = false;
  private requestSequence = 0;
  private pendingRefresh: NodeJS.Timeout | undefined;
  private focus: Partial<PreviewEntryRef> | undefined;
  /** Kept certificates the page shows (a refresh asks for as many again). */
  private keptWanted = DEFAULT_KEPT_PAGE_SIZE;
  private loadingMoreKept = false;
  private readonly timeline: PreviewTimeline;
  private readonly disposables: Disposable[] = [];

  /** `restored`: a panel VS Code brought back after a reload (previewSerializer.ts), else a new one. */
  constructor(
    readonly uri: Uri,
    private readonly context: ExtensionContext,
    private readonly request: PreviewRequester,
    timelines: TimelineRequester,
    onDispose: () => void,
    restored?: WebviewPanel,
  ) {
    this.timeline = new PreviewTimeline(
      uri,
      timelines,
      (message) => this.post(message),
      (entry) => this.labelOf(entry),
    );
    const mediaRoot = Uri.joinPath(context.extensionUri, 'media', 'preview');
    const options = { enableScripts: true, localResourceRoots: [mediaRoot], enableFindWidget: true };
    if (restored) restored.webview.options = options;
    this.panel =
      restored ??
      window.createWebviewPanel(
        PREVIEW_VIEW_TYPE,
        `Preview: ${Utils.basename(uri)}`,
        { viewColumn: ViewColumn.Beside, preserveFocus: true },
        options,
      );
    this.panel.iconPath = Uri.joinPath(context.extensionUri, 'media', 'icon.png');
    this.panel.webview.html = this.messagePage('Reading the manifest and the certificate inventory…');
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: unknown) => void this.onMessage(message)),
      this.panel.onDidChangeViewState(({ webviewPanel }) => {
        // A hidden page is destroyed and rebuilt from its html when shown again.
        if (webviewPanel.visible && this.htmlIsStale) this.renderPage();
      }),
      this.panel.onDidDispose(() => {
        this.dispose();
        onDispose();
      }),
    );
  }

  /** Brings the panel forward; the entry to show (a lens over it was clicked) is shown by the next render. */
  reveal(focus: Partial<PreviewEntryRef> | undefined): void {
    this.focus = focus?.document !== undefined && focus.index !== undefined ? focus : undefined;
    this.panel.reveal(undefined, true);
  }

  scheduleRefresh(delayMs = EDIT_DEBOUNCE_MS): void {
    clearTimeout(this.pendingRefresh);
    this.pendingRefresh = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    clearTimeout(this.pendingRefresh);
    const sequence = ++this.requestSequence;
    let result: PreviewResult | null;
    try {
      // The server previews open documents: open it (no editor is shown) if it is not.
      await workspace.openTextDocument(this.uri);
      result = await this.request(this.uri, { offset: 0, limit: this.keptWanted });
    } catch (error) {
      if (sequence === this.requestSequence)
        this.showMessage(`The preview could not be made: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (sequence !== this.requestSequence) return;
    if (!result) {
      this.showMessage(
        'The language server has no preview of this file (is it over renewRevocation.maxFileSize?). See RenewRevocation: Show Output.',
      );
      return;
    }
    const first = this.latest === undefined;
    this.latest = result;
    if (first || !this.panel.visible || !this.pageReady) {
      this.renderPage();
    } else {
      const focus = this.focus && entryId(this.focus);
      this.post({ type: 'render', body: renderPreviewBody(result, this.bodyOptions()), focus });
      this.htmlIsStale = true;
    }
    this.focus = undefined;
    void this.timeline.refresh();
  }

  /** The entry's label on the page (`#3`): its place in the preview. */
  private labelOf(entry: PreviewEntryRef): string {
    const position = this.latest?.entries.findIndex(
      (candidate) => candidate.document === entry.document && candidate.index === entry.index,
    );
    return position === undefined || position < 0 ? '' : `#${position + 1}`;
  }

  dispose(): void {
    clearTimeout(this.pendingRefresh);
    this.requestSequence++;
    for (const disposable of this.disposables) disposable.dispose();
  }

  private post(message: PreviewPanelMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private bodyOptions(): PreviewBodyOptions {
    return { manifestName: workspace.asRelativePath(this.uri), displayPath, focus: this.focus };
  }

  private renderPage(): void {
    if (!this.latest) return;
    const webview = this.panel.webview;
    const mediaRoot = Uri.joinPath(this.context.extensionUri, 'media', 'preview');
    webview.html = renderPreviewPage(this.latest, {
      ...this.bodyOptions(),
      manifestUri: this.uri.toString(),
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: webview.asWebviewUri(Uri.joinPath(mediaRoot, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(Uri.joinPath(mediaRoot, 'preview.css')).toString(),
      timelineScriptUri: webview.asWebviewUri(Uri.joinPath(mediaRoot, 'timeline.js')).toString(),
      timelineStyleUri: webview.asWebviewUri(Uri.joinPath(mediaRoot, 'timeline.css')).toString(),
      timeline: this.timeline.content,
    });
    this.htmlIsStale = false;
    this.pageReady = false;
  }

  private showMessage(text: string): void {
    this.latest = undefined;
    this.pageReady = false;
    this.panel.webview.html = this.messagePage(text);
  }

  /** A page with one sentence and no script (before the first preview, or when there is none). */
  private messagePage(text: string): string {
    const webview = this.panel.webview;
    const style = webview
      .asWebviewUri(Uri.joinPath(this.context.extensionUri, 'media', 'preview', 'preview.css'))
      .toString();
    const escaped = text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
    return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource};"><link rel="stylesheet" href="${style}"><title>Revocation preview</title></head><body><main><p role="status">${escaped}</p></main></body></html>`;
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!isPreviewPageMessage(message)) return;
    if (message.type === 'ready') {
      this.pageReady = true;
      return;
    }
    try {
      if (message.type === 'openSource') await this.openSource(message.path, message.line);
      else if (message.type === 'revealEntry') await this.revealEntry(message.line, message.character);
      else if (message.type === 'showMoreKept') await this.showMoreKept();
      else if (message.type === 'revoke')
        await commands.executeCommand(REVOKE_COMMAND, {
          fingerprints: message.fingerprints,
          preferredTarget: this.uri.toString(),
        });
      else if (message.type === 'openTimeline') await this.timeline.show(message, true);
      else if (message.type === 'closeTimeline') this.timeline.close();
      else if (message.type === 'applyNotBefore') await this.timeline.apply(message, message.notBefore);
      else if (message.type === 'export' && isExportFormat(message.format) && this.latest)
        await exportPreview(await this.completePreview(), this.uri, message.format);
    } catch (error) {
      void window.showErrorMessage(`RenewRevocation: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The next page of kept certificates, appended to the page's kept table. */
  private async showMoreKept(): Promise<void> {
    const shown = this.latest;
    if (!shown || this.loadingMoreKept || shown.kept.length >= shown.keptTotal) return;
    const offset = shown.kept.length;
    this.keptWanted = offset + KEPT_MORE_STEP;
    const sequence = this.requestSequence;
    this.loadingMoreKept = true;
    let page: PreviewResult | null;
    try {
      page = await this.request(this.uri, { offset, limit: KEPT_MORE_STEP });
    } finally {
      this.loadingMoreKept = false;
    }
    // A refresh since asks for `keptWanted` rows itself.
    if (sequence !== this.requestSequence || this.latest !== shown) return;
    if (
      !page ||
      page.documentVersion !== shown.documentVersion ||
      page.inventoryVersion !== shown.inventoryVersion ||
      page.keptOffset !== offset
    ) {
      // The manifest or the inventory changed in between: the rows would not continue the table.
      await this.refresh();
      return;
    }
    for (const certificate of page.kept) shown.kept.push(certificate);
    shown.keptTotal = page.keptTotal;
    const rows = renderKeptRows(shown, page.kept, this.bodyOptions());
    this.post({ type: 'appendKept', rows, more: renderKeptMore(shown) });
    this.htmlIsStale = true;
  }

  /** The preview with every kept certificate (the page shows a part of them): what an export writes. */
  private async completePreview(): Promise<PreviewResult> {
    if (this.latest && this.latest.kept.length === this.latest.keptTotal) return this.latest;
    await workspace.openTextDocument(this.uri);
    const complete = await this.request(this.uri, EVERY_KEPT);
    if (!complete)
      throw new Error('the language server has no preview of this file to export. See RenewRevocation: Show Output.');
    return complete;
  }

  /** The manifest's editor column, else the first: sources and entries open beside the preview, not over it. */
  private editorColumn(): ViewColumn {
    const editor = window.visibleTextEditors.find(
      (candidate) => candidate.document.uri.toString() === this.uri.toString(),
    );
    return editor?.viewColumn ?? ViewColumn.One;
  }

  private async openSource(path: string, line: number | undefined): Promise<void> {
    const known =
      this.latest &&
      [...this.latest.revoked, ...this.latest.notRevocable, ...this.latest.kept].some((certificate) =>
        certificate.locations.some((location) => location.path === path),
      );
    if (!known) return;
    const uri = sourceUri(path);
    if (line === undefined) {
      // Binary DER: the decoded view shows it.
      await commands.executeCommand('renewRevocation.decodeCertificateFile', uri);
      return;
    }
    const position = new Range(line, 0, line, 0);
    await window.showTextDocument(uri, { viewColumn: this.editorColumn(), selection: position, preview: true });
  }

  private async revealEntry(line: number, character: number): Promise<void> {
    const document = await workspace.openTextDocument(this.uri);
    const editor = await window.showTextDocument(document, { viewColumn: this.editorColumn(), preview: false });
    const position = document.validatePosition(new Range(line, character, line, character).start);
    editor.selection = new Selection(position, position);
    editor.revealRange(new Range(position, position), TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export class PreviewPanels implements Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly subscriptions: Disposable[];

  constructor(
    private readonly context: ExtensionContext,
    private readonly request: PreviewRequester,
    private readonly timelines: TimelineRequester,
  ) {
    this.subscriptions = [
      workspace.onDidChangeTextDocument(({ document, contentChanges }) => {
        if (contentChanges.length > 0) this.panels.get(document.uri.toString())?.scheduleRefresh();
      }),
    ];
  }

  /** Opens (or brings forward) the preview of a manifest, showing one entry when given. */
  async show(uri: Uri, focus?: Partial<PreviewEntryRef>): Promise<void> {
    const key = uri.toString();
    let panel = this.panels.get(key);
    if (panel) {
      panel.reveal(focus);
      await panel.refresh();
      return;
    }
    panel = new PreviewPanel(uri, this.context, this.request, this.timelines, () => this.panels.delete(key));
    panel.reveal(focus);
    this.panels.set(key, panel);
    await panel.refresh();
  }

  /** A panel VS Code restored after a reload: it previews `uri` again (a panel for it already open wins). */
  async restore(restored: WebviewPanel, uri: Uri): Promise<void> {
    const key = uri.toString();
    if (this.panels.has(key)) {
      restored.dispose();
      return;
    }
    const panel = new PreviewPanel(
      uri,
      this.context,
      this.request,
      this.timelines,
      () => this.panels.delete(key),
      restored,
    );
    this.panels.set(key, panel);
    await panel.refresh();
  }

  /** The inventory changed: every open preview asks again. */
  refreshAll(): void {
    for (const panel of this.panels.values()) panel.scheduleRefresh(0);
  }

  /** The open previews' manifests (for tests and the command). */
  get manifests(): Uri[] {
    return [...this.panels.values()].map((panel) => panel.uri);
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.panel.dispose();
    this.panels.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
