// The VS Code side: starts the bundled language server and adds the commands and context that
// only an editor has. Everything about manifests and certificates happens in the server.
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerDecodeCommand } from './decodeCommand';
import { createErrorHandler } from './errorHandler';
import { RestartPolicy } from './restartPolicy';
import { NOT_RUNNING_MESSAGE, ServerControl } from './serverControl';
import { registerServerMenu } from './serverMenu';
import { StaleDiagnostics } from './staleDiagnostics';
import { ServerStatusBar } from './statusBar';
import { trackManifestContext } from './manifestContext';
import { newManifestText } from './newManifestTemplate';
import { openPendingExample, registerOpenExamples } from './openExamples';
import { showWalkthroughOnce } from './walkthrough';
import { redactingChannel } from './redactingChannel';
import { registerPreviewCommand } from './preview/previewCommand';
import { PreviewPanels } from './preview/previewPanel';
import { registerPreviewSerializer } from './preview/previewSerializer';
import {
  codeCacheArgument,
  INVENTORY_CHANGED_NOTIFICATION,
  PREVIEW_REQUEST,
  type InventoryChangedParams,
  SERVER_ENVIRONMENT,
  type PreviewParams,
  type PreviewResult,
} from '../../server/src/protocol';
import { forwardWorkspaceTrust, workspaceTrustOptions } from './workspaceTrust';

const LANGUAGES = ['yaml', 'pem', 'markdown', 'plaintext'];
const SCHEMES = ['file', 'untitled'];

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  // vscode-languageclient 11 needs a log channel (a plain one makes start-up fail). The client
  // writes its protocol trace there too: secrets in the documents it traces are redacted.
  const channel = window.createOutputChannel('RenewRevocation', { log: true });
  context.subscriptions.push(channel);
  const output = redactingChannel(channel);

  const serverModule = context.asAbsolutePath('dist/server.js');
  // The server keeps the compiled code of its bundles in the extension's storage (later starts skip
  // the compile), and starts without what it does not need (serverLaunch.ts).
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
  // When the client gives up on a crashing server, its last diagnostics stay, marked stale, and
  // the user gets a Restart button (serverControl.ts).
  const policy = new RestartPolicy();
  const stale = new StaleDiagnostics();
  const serverControl = new ServerControl(() => client, policy, stale, output);
  const homepage = (context.extension.packageJSON as { homepage?: unknown }).homepage;
  const clientOptions: LanguageClientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ language, scheme }))),
    outputChannel: output,
    errorHandler: createErrorHandler(output, (message) => serverControl.gaveUp(message), policy),
    // A function: a server restarted after a crash learns the trust as it is then.
    initializationOptions: () => ({
      ...(typeof homepage === 'string' ? { homepage } : {}),
      ...workspaceTrustOptions(),
    }),
  };
  // The id `renewRevocation` makes the client read the `renewRevocation.trace.server` setting.
  client = new LanguageClient('renewRevocation', 'RenewRevocation', serverOptions, clientOptions);
  const languageClient = client;
  const statusBar = new ServerStatusBar(languageClient);
  context.subscriptions.push(stale, serverControl.register(), registerServerMenu(), statusBar);

  // The preview webviews, built from the server's renewRevocation/preview answer; they ask again
  // when the server says the certificate inventory changed.
  const previews = new PreviewPanels(context, async (uri, kept) => {
    if (!serverControl.ensureAvailable()) throw new Error(NOT_RUNNING_MESSAGE);
    const params: PreviewParams = { textDocument: { uri: languageClient.code2ProtocolConverter.asUri(uri) }, kept };
    return languageClient.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params);
  });
  context.subscriptions.push(
    previews,
    registerPreviewCommand(previews),
    // One handler per method (the client keeps the last one registered): it tells both.
    languageClient.onNotification(INVENTORY_CHANGED_NOTIFICATION, (params: InventoryChangedParams) => {
      statusBar.inventoryChanged(params);
      previews.refreshAll();
    }),
    languageClient.onDidChangeState(({ newState }) => {
      if (newState === State.Running) previews.refreshAll();
    }),
  );

  context.subscriptions.push(
    commands.registerCommand('renewRevocation.showOutput', () => output.show(true)),
    commands.registerCommand('renewRevocation.newManifest', async () => {
      const document = await workspace.openTextDocument({ language: 'yaml', content: newManifestText(new Date()) });
      await window.showTextDocument(document);
    }),
    registerOpenExamples(context),
    ...registerDecodeCommand(() => client, serverControl),
    trackManifestContext(),
    forwardWorkspaceTrust(() => client),
  );

  openPendingExample(context)
    .then(() => showWalkthroughOnce(context))
    .catch((error: unknown) => output.warn(`Could not open the examples or the walkthrough: ${String(error)}`));
  const started = client.start();
  context.subscriptions.push(registerPreviewSerializer(previews, started));
  await started;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
