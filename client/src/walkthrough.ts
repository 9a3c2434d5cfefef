// The walkthrough opens by itself once, on the extension's first activation (VS Code opens an
// extension's walkthrough on install only when it is installed from the Extensions view; a
// `.vsix` or a provisioned machine never shows it). It follows VS Code's own setting for that,
// `workbench.welcomePage.walkthroughs.openOnInstall`, and is remembered in the global state.
import { commands, workspace, type ExtensionContext } from 'vscode';

const SHOWN_KEY = 'renewRevocation.walkthroughShown';
export const WALKTHROUGH_ID = 'getStarted';

export async function showWalkthroughOnce(context: ExtensionContext): Promise<void> {
  if (context.globalState.get<boolean>(SHOWN_KEY)) return;
  await context.globalState.update(SHOWN_KEY, true);
  if (!workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall', true)) return;
  // To the side: the file whose opening activated the extension stays in front.
  await commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, true);
}
