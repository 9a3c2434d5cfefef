// "RenewRevocation: Decode Certificate File": any PEM file, bundle or binary DER (from the
// palette, the explorer's context menu or the active editor) opens beside as a read-only view of
// every certificate in it, decoded by the server. Read-only because it is a virtual document of
// our own scheme: nothing is written anywhere.
//
// From the palette it decodes the active file; when that holds no certificate (a manifest, say),
// or no file is active, it asks which file (decodePicker.ts). Each source has one view: decoding
// it again updates that view where it is, and the views of other sources open in the column the
// decoded views already use, not in a new column each time.
import {
  commands,
  EventEmitter,
  TabInputText,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocumentContentProvider,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { Utils } from 'vscode-uri';
import { base64Of, utf8Bytes } from './bytes';
import { DECODE_REQUEST, type DecodeParams, type DecodeResult } from '../../server/src/protocol';
import { pickCertificateFile } from './decodePicker';
import type { ServerControl } from './serverControl';

export const DECODED_SCHEME = 'renew-revocation-decoded';

/** The view of a source: its name for the tab, the source's URI in the query (one view per source). */
function viewUri(source: Uri): Uri {
  return Uri.from({
    scheme: DECODED_SCHEME,
    path: `/${Utils.basename(source)} (decoded).txt`,
    query: source.toString(),
  });
}

/** The file the active editor shows; for a decoded view, its source. */
function activeSource(): Uri | undefined {
  const uri = window.activeTextEditor?.document.uri;
  if (uri?.scheme === DECODED_SCHEME) return Uri.parse(uri.query);
  return uri;
}

/** Where a view goes: where it already is, else beside the other decoded views, else beside the editor. */
function viewColumnFor(view: Uri): ViewColumn {
  const tabs = window.tabGroups.all.flatMap((group) => group.tabs);
  const isDecoded = (tab: (typeof tabs)[number], match?: Uri) =>
    tab.input instanceof TabInputText &&
    tab.input.uri.scheme === DECODED_SCHEME &&
    (match === undefined || tab.input.uri.toString() === match.toString());
  const same = tabs.find((tab) => isDecoded(tab, view)) ?? tabs.find((tab) => isDecoded(tab));
  return same?.group.viewColumn ?? ViewColumn.Beside;
}

export function registerDecodeCommand(
  client: () => BaseLanguageClient | undefined,
  control: ServerControl,
): Disposable[] {
  const views = new Map<string, string>();
  const changed = new EventEmitter<Uri>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => views.get(uri.toString()) ?? '',
  };

  async function request(target: Uri): Promise<DecodeResult | null | undefined> {
    const languageClient = client();
    if (!languageClient || !control.ensureAvailable()) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(target);
    } catch (error) {
      void window.showErrorMessage(
        `RenewRevocation: cannot read ${target.fsPath || target.toString()}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    const params: DecodeParams = { uri: target.toString(), base64: base64Of(bytes) };
    return languageClient.sendRequest<DecodeResult | null>(DECODE_REQUEST, params);
  }

  async function decode(resource?: Uri): Promise<void> {
    const given = resource instanceof Uri ? resource : undefined;
    if (!control.ensureAvailable()) return;
    let target = given ?? activeSource();
    let result: DecodeResult | null | undefined;
    if (target) {
      result = await request(target);
      if (result === undefined) return;
    }
    // From the palette, a file without certificates is not what the user meant: ask.
    if (!given && (!target || result?.blocks === 0)) {
      const picked = await pickCertificateFile(target && Utils.basename(target));
      if (!picked) return;
      target = picked;
      result = await request(target);
      if (result === undefined) return;
    }
    if (!target) return;
    if (!result) {
      void window.showErrorMessage(
        `RenewRevocation: ${Utils.basename(target)} could not be decoded (see the RenewRevocation output).`,
      );
      return;
    }
    const view = viewUri(target);
    views.set(view.toString(), result.text);
    changed.fire(view);
    const document = await workspace.openTextDocument(view);
    await window.showTextDocument(document, { viewColumn: viewColumnFor(view), preview: false });
  }

  return [
    workspace.registerTextDocumentContentProvider(DECODED_SCHEME, provider),
    changed,
    { dispose: () => views.clear() },
    commands.registerCommand('renewRevocation.decodeCertificateFile', decode),
  ];
}

/** An open editor's text wins over the file on disk: it may be unsaved, or untitled. */
async function readBytes(target: Uri): Promise<Uint8Array> {
  const open = workspace.textDocuments.find((document) => document.uri.toString() === target.toString());
  if (open && (open.isDirty || open.isUntitled)) return utf8Bytes(open.getText());
  return workspace.fs.readFile(target);
}
