// What the Node and the browser clients share: the output channel, the client's options, and the
// commands, views and context that only an editor has. Each entry (extension.ts on Node,
// browser/extension.ts in a web worker) starts the server its own way and hands the client here.
import { commands, window, workspace, type ExtensionContext, type Uri, type LogOutputChannel } from 'vscode';
import { State, type BaseLanguageClient, type LanguageClientOptions } from 'vscode-languageclient';
import { registerDecodeCommand } from './decodeCommand';
import { registerRevokeCommand } from './revoke/revokeCommand';
import { createErrorHandler } from './errorHandler';
import { trackManifestContext } from './manifestContext';
import { newManifestText } from './newManifestTemplate';
import { openPendingExample, registerOpenExamples } from './openExamples';
import { RestartPolicy } from './restartPolicy';
import { NOT_RUNNING_MESSAGE, ServerControl } from './serverControl';
import { registerServerMenu } from './serverMenu';
import { StaleDiagnostics } from './staleDiagnostics';
import { ServerStatusBar } from './statusBar';
import { showWalkthroughOnce } from './walkthrough';
import { registerPreviewSerializer } from './preview/previewSerializer';
import { redactingChannel } from './redactingChannel';
import { registerPreviewCommand } from './preview/previewCommand';
import { PreviewPanels } from './preview/previewPanel';
import { registerPreviewResultCommand } from './preview/previewResultCommand';
import { timelineRequester } from './preview/timelineRequests';
import {
  INVENTORY_CHANGED_NOTIFICATION,
  PREVIEW_REQUEST,
  REVOKE_COMMAND,
  type InventoryChangedParams,
  type KeptPage,
  type PreviewParams,
  type PreviewResult,
} from '../../server/src/protocol';
import { forwardWorkspaceTrust, workspaceTrustOptions } from './workspaceTrust';

interface DocumentFilter {
  language: string;
  scheme: string;
}

export const LANGUAGES = ['yaml', 'pem', 'markdown', 'plaintext'];

/** The documents the server reads: our languages in the given URI schemes. */
export function documentSelector(schemes: readonly string[]): DocumentFilter[] {
  return LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ language, scheme })));
}

/**
 * The output channel. vscode-languageclient 11 needs a log channel (a plain one makes start-up
 * fail). The client writes its protocol trace there too: secrets in the documents it traces are
 * redacted.
 */
export function createOutput(context: ExtensionContext): LogOutputChannel {
  const channel = window.createOutputChannel('RenewRevocation', { log: true });
  context.subscriptions.push(channel);
  return redactingChannel(channel);
}

/**
 * The server's lifecycle as the user sees it: the crash policy, the diagnostics kept (marked
 * stale) when the client gives up, and Restart Server. Made before the client, whose options
 * need it.
 */
export interface ServerLifecycle {
  policy: RestartPolicy;
  stale: StaleDiagnostics;
  control: ServerControl;
}

export function createServerLifecycle(
  client: () => BaseLanguageClient | undefined,
  output: LogOutputChannel,
): ServerLifecycle {
  const policy = new RestartPolicy();
  const stale = new StaleDiagnostics();
  return { policy, stale, control: new ServerControl(client, policy, stale, output) };
}

export function createClientOptions(
  context: ExtensionContext,
  output: LogOutputChannel,
  selector: DocumentFilter[],
  lifecycle: ServerLifecycle,
): LanguageClientOptions {
  const homepage = (context.extension.packageJSON as { homepage?: unknown }).homepage;
  return {
    documentSelector: selector,
    outputChannel: output,
    errorHandler: createErrorHandler(output, (message) => lifecycle.control.gaveUp(message), lifecycle.policy),
    // Hover cards link to "Revoke this certificate…": that one command runs from a hover.
    markdown: { isTrusted: { enabledCommands: [REVOKE_COMMAND] } },
    // A function: a server restarted after a crash learns the trust as it is then.
    initializationOptions: () => ({
      ...(typeof homepage === 'string' ? { homepage } : {}),
      ...workspaceTrustOptions(),
      revokeCommandLinks: true,
    }),
  };
}

/**
 * Registers the status bar, the preview, the decoded view, Revoke Certificate, New Manifest, the
 * examples, the walkthrough, the manifest context and the trust for a client, then starts it.
 */
export async function startClient(
  context: ExtensionContext,
  client: BaseLanguageClient,
  output: LogOutputChannel,
  lifecycle: ServerLifecycle,
): Promise<void> {
  const { control, stale } = lifecycle;
  const statusBar = new ServerStatusBar(client);
  context.subscriptions.push(stale, control.register(), registerServerMenu(), statusBar);

  // The preview webviews, built from the server's renewRevocation/preview answer; they ask again
  // when the server says the certificate inventory changed.
  const requestPreview = async (uri: Uri, kept: KeptPage) => {
    if (!control.ensureAvailable()) throw new Error(NOT_RUNNING_MESSAGE);
    const params: PreviewParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, kept };
    return client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, params);
  };
  const previews = new PreviewPanels(context, requestPreview, timelineRequester(client));
  context.subscriptions.push(
    previews,
    registerPreviewCommand(previews),
    registerPreviewResultCommand(requestPreview),
    // One handler per method (the client keeps the last one registered): it tells both.
    client.onNotification(INVENTORY_CHANGED_NOTIFICATION, (params: InventoryChangedParams) => {
      statusBar.inventoryChanged(params);
      previews.refreshAll();
    }),
    client.onDidChangeState(({ newState }) => {
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
    ...registerDecodeCommand(() => client, control),
    registerRevokeCommand(() => client),
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
