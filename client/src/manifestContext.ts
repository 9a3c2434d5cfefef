// Keeps the context key `renewRevocation.isManifest` true while the active editor shows a
// RenewRevocation manifest (package.json's editor/title menu reads it). Edits to the active
// document are looked at after a short pause, so typing in a large file stays cheap.
import { commands, window, workspace, type Disposable, type TextDocument } from 'vscode';
import { isManifestText } from './manifestDetection';

export const IS_MANIFEST_CONTEXT = 'renewRevocation.isManifest';
const EDIT_PAUSE_MS = 200;

export function trackManifestContext(): Disposable {
  let current: boolean | undefined;
  let pending: NodeJS.Timeout | undefined;

  const set = (value: boolean) => {
    if (value === current) return;
    current = value;
    void commands.executeCommand('setContext', IS_MANIFEST_CONTEXT, value);
  };
  const isManifest = (document: TextDocument | undefined) =>
    document !== undefined && document.languageId === 'yaml' && isManifestText(document.getText());
  const update = () => {
    clearTimeout(pending);
    pending = undefined;
    set(isManifest(window.activeTextEditor?.document));
  };

  update();
  const subscriptions = [
    window.onDidChangeActiveTextEditor(update),
    // A language change (Change Language Mode) closes and reopens the document.
    workspace.onDidOpenTextDocument((document) => {
      if (document === window.activeTextEditor?.document) update();
    }),
    workspace.onDidChangeTextDocument((event) => {
      if (event.document !== window.activeTextEditor?.document || pending) return;
      pending = setTimeout(update, EDIT_PAUSE_MS);
    }),
  ];
  return {
    dispose() {
      clearTimeout(pending);
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
