// What a click on the status-bar item offers: the output, the preview of the active manifest, and
// a restart of the server. Each runs the command of the same name.
import { commands, window, type Disposable } from 'vscode';
import { PREVIEW_COMMAND } from '../../server/src/protocol';
import { RESTART_SERVER_COMMAND, SHOW_OUTPUT_COMMAND } from './serverControl';

export const SERVER_MENU_COMMAND = 'renewRevocation.serverMenu';

const ITEMS = [
  { label: '$(output) Show Output', command: SHOW_OUTPUT_COMMAND },
  { label: '$(open-preview) Preview Revocation', command: PREVIEW_COMMAND },
  { label: '$(debug-restart) Restart Server', command: RESTART_SERVER_COMMAND },
];

export function registerServerMenu(): Disposable {
  return commands.registerCommand(SERVER_MENU_COMMAND, async () => {
    const picked = await window.showQuickPick(ITEMS, { title: 'RenewRevocation', placeHolder: 'What to do?' });
    if (picked) await commands.executeCommand(picked.command);
  });
}
