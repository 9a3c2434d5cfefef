// "RenewRevocation: Decode Certificate File": any PEM file, bundle or binary DER (from the
// palette, the explorer's context menu or the active editor) opens beside as a read-only view of
// every certificate in it, decoded by the server. Read-only because it is a virtual document of
// our own scheme: nothing is written anywhere.
import { basename } from 'node:path';
import {
  commands,
  EventEmitter,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocumentContentProvider,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DECODE_REQUEST, type DecodeParams, type DecodeResult } from '../../server/src/protocol';
import type { ServerControl } from './serverControl';

export const DECODED_SCHEME = 'renew-revocation-decoded';

export function registerDecodeCommand(client: () => LanguageClient | undefined, control: ServerControl): Disposable[] {
  const views = new Map<string, string>();
  const changed = new EventEmitter<Uri>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: (uri) => views.get(uri.toString()) ?? '',
  };

  async function decode(resource?: Uri): Promise<void> {
    const target = resource instanceof Uri ? resource : (window.activeTextEditor?.document.uri ?? (await pickFile()));
    if (!target) return;
    const languageClient = client();
    if (!languageClient || !control.ensureAvailable()) return;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(target);
    } catch (error) {
      void window.showErrorMessage(
        `RenewRevocation: cannot read ${target.fsPath || target.toString()}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const params: DecodeParams = { uri: target.toString(), base64: Buffer.from(bytes).toString('base64') };
    const result = await languageClient.sendRequest<DecodeResult | null>(DECODE_REQUEST, params);
    if (!result) {
      void window.showErrorMessage(
        `RenewRevocation: ${basename(target.path)} could not be decoded (see the RenewRevocation output).`,
      );
      return;
    }
    const view = Uri.from({
      scheme: DECODED_SCHEME,
      path: `/${basename(target.path)} (decoded).txt`,
      query: target.toString(),
    });
    views.set(view.toString(), result.text);
    changed.fire(view);
    const document = await workspace.openTextDocument(view);
    await window.showTextDocument(document, { viewColumn: ViewColumn.Beside, preview: false });
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
  if (open && (open.isDirty || open.isUntitled)) return Buffer.from(open.getText(), 'utf8');
  return workspace.fs.readFile(target);
}

async function pickFile(): Promise<Uri | undefined> {
  const picked = await window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Decode',
    filters: { Certificates: ['pem', 'crt', 'cer', 'der', 'csr', 'key', 'yaml', 'yml'], 'All files': ['*'] },
  });
  return picked?.[0];
}
