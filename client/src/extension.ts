// The VS Code side on Node (desktop, Codespaces, remote): starts the bundled language server as a
// Node process and adds the commands and context that only an editor has (clientSetup.ts, shared
// with the browser entry, browser/extension.ts). Everything about manifests and certificates
// happens in the server.
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { codeCacheArgument, SERVER_ENVIRONMENT } from '../../server/src/protocol';
import { createClientOptions, createOutput, createServerLifecycle, documentSelector, startClient } from './clientSetup';

const SCHEMES = ['file', 'untitled'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = createOutput(context);
  // When the client gives up on a crashing server, its last diagnostics stay, marked stale, and
  // the user gets a Restart button (serverControl.ts).
  const lifecycle = createServerLifecycle(() => client, output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps the compiled code of its bundles in the extension's storage (later starts skip
  // the compile), and starts without what it does not need (serverLaunch.ts). Over Node IPC: over
  // stdio the server's encoder would keep each diagnostic's JSON across versions
  // (server/src/node/messageEncoder.ts), but vscode-languageclient then writes to a killed
  // server's stdin (EPIPE) and, in one editor-test run in three, neither restarted it nor gave up.
  const args = [codeCacheArgument(context.globalStorageUri.fsPath)];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args, options: { env: SERVER_ENVIRONMENT } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      args,
      options: { env: SERVER_ENVIRONMENT, execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  // The id `renewRevocation` makes the client read the `renewRevocation.trace.server` setting.
  client = new LanguageClient(
    'renewRevocation',
    'RenewRevocation',
    serverOptions,
    createClientOptions(context, output, documentSelector(SCHEMES), lifecycle),
  );
  await startClient(context, client, output, lifecycle);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
