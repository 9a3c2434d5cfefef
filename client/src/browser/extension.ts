// The VS Code side in the browser (vscode.dev, github.dev, code-server's web worker host): the
// same client as on Node (clientSetup.ts) with the language server in a web worker. The worker
// has no file system: it reads the certificate inventory through this client
// (fileSystemAnswers.ts), which reads through the editor's, so virtual workspaces work too.
import type { ExtensionContext } from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import {
  createClientOptions,
  createOutput,
  createServerLifecycle,
  documentSelector,
  startClient,
} from '../clientSetup';
import { answerFileSystemRequests } from './fileSystemAnswers';
import { startServerWorker } from './serverWorker';

/**
 * Documents of the editor's own file systems: local and untitled, a remote machine's
 * (`vscode-remote`, code-server and Codespaces), github.dev's and vscode.dev's virtual ones
 * (`vscode-vfs`), and a vscode.dev folder opened from this computer (`vscode-local`). Not our
 * decoded views (`renew-revocation-decoded`), output, git or diff schemes.
 */
const SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-local'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = createOutput(context);
  // When the client gives up on a crashing server, its last diagnostics stay, marked stale, and
  // the user gets a Restart button (serverControl.ts).
  const lifecycle = createServerLifecycle(() => client, output);
  // The id `renewRevocation` makes the client read the `renewRevocation.trace.server` setting.
  client = new LanguageClient(
    'renewRevocation',
    'RenewRevocation',
    // A function: a server restarted after a crash gets a new worker. The transports are made
    // here, because the client's own check (`instanceof Worker`) fails for the extension host's
    // Worker, which VS Code replaces with one of its own.
    async () => {
      const worker = await startServerWorker(context.extensionUri);
      return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    },
    createClientOptions(context, output, documentSelector(SCHEMES), lifecycle),
  );
  context.subscriptions.push(...answerFileSystemRequests(client));
  await startClient(context, client, output, lifecycle);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
