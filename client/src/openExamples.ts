// "RenewRevocation: Open Examples": the examples that ship with the extension (the documented
// manifest, a manifest with one warning of each kind, and an example cluster's certificates) open
// as a folder, so that a new user can preview a manifest against real certificates at once. They
// are copied to the extension's own storage first: edits there never touch the installation, and
// a later version brings its own copy.
//
// A window with a folder keeps it, so the examples open in a new window, where this extension
// then opens documented.yaml (activation event `workspaceContains:documented.yaml`; the folder
// waiting for it is in the global state, which every window shares).
import { commands, Uri, window, workspace, type Disposable, type ExtensionContext } from 'vscode';

export const OPEN_EXAMPLES_COMMAND = 'renewRevocation.openExamples';
const PENDING_KEY = 'renewRevocation.examplesToOpen';
const FIRST_EXAMPLE = 'documented.yaml';

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The examples folder in the extension's storage, copied from the installation when missing. */
export async function examplesFolder(context: ExtensionContext): Promise<Uri> {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? 'dev');
  const target = Uri.joinPath(context.globalStorageUri, `examples-${version}`);
  if (!(await exists(target))) {
    await workspace.fs.createDirectory(context.globalStorageUri);
    await workspace.fs.copy(Uri.joinPath(context.extensionUri, 'examples'), target, { overwrite: false });
  }
  return target;
}

export function registerOpenExamples(context: ExtensionContext): Disposable {
  return commands.registerCommand(OPEN_EXAMPLES_COMMAND, async () => {
    try {
      await openExamples(context);
    } catch (error) {
      // In a browser the storage may be a file system the window cannot open as a folder.
      void window.showErrorMessage(
        `RenewRevocation: the examples could not be opened here: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  });
}

async function openExamples(context: ExtensionContext): Promise<void> {
  const folder = await examplesFolder(context);
  const documented = Uri.joinPath(folder, FIRST_EXAMPLE);
  const alreadyOpen = workspace.workspaceFolders?.some((open) => open.uri.toString() === folder.toString());
  if (alreadyOpen) {
    await commands.executeCommand('vscode.open', documented);
    return;
  }
  await context.globalState.update(PENDING_KEY, folder.toString());
  await commands.executeCommand('vscode.openFolder', folder, {
    forceNewWindow: workspace.workspaceFolders !== undefined,
  });
}

/** In the window Open Examples opened: documented.yaml, once. */
export async function openPendingExample(context: ExtensionContext): Promise<void> {
  const pending = context.globalState.get<string>(PENDING_KEY);
  if (!pending || !workspace.workspaceFolders?.some((folder) => folder.uri.toString() === pending)) return;
  await context.globalState.update(PENDING_KEY, undefined);
  await commands.executeCommand('vscode.open', Uri.joinPath(Uri.parse(pending), FIRST_EXAMPLE));
}
