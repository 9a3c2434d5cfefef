// The language server: LSP wiring only. Every answer comes from the pure language service over
// the cached model of the document's current version; every handler runs through the safe
// runner. Entry points (node/serverMain.ts) build the connection and the runtime and call
// startServer, as VS Code's json-language-features does.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { version } from '../../package.json';
import {
  createLanguageService,
  DEFAULT_SETTINGS,
  type FileModel,
  type InventoryContext,
  type LanguageService,
  type ServiceSettings,
} from './service/index';
import { readClientSupport, readHomepage, type ClientSupport } from './lsp/clientSupport';
import {
  toLspCodeAction,
  toLspCodeLens,
  toLspCompletionItem,
  toLspDocumentSymbol,
  toLspFoldingRange,
  toLspHover,
  toSymbolInformation,
} from './lsp/convert';
import {
  registerDiagnosticsPullSupport,
  registerDiagnosticsPushSupport,
  type DiagnosticsSupport,
  type Validator,
} from './lsp/diagnostics';
import { createDocumentSettings, SETTINGS_SECTION, type DocumentSettings } from './lsp/documentSettings';
import { createTextDocuments } from './lsp/documentChanges';
import { createModelCache } from './lsp/modelCache';
import { keptLspDiagnostics } from './lsp/keptDiagnostics';
import { startIdleWarmUp, warmUpRound, type IdleWarmUp } from './lsp/warmUp/idleWarmUp';
import { createWorkspaceInventory, type WorkspaceInventory } from './lsp/inventory/workspaceInventory';
import { PREVIEW_REQUEST, type PreviewParams, type PreviewResult } from './protocol';
import { createPreviewCache, previewAnswer, readKeptPage } from './lsp/previewPages';
import { registerDecodeRequest } from './lsp/decodeRequest';
import { registerRevokeRequests, revokeCommandFor } from './lsp/revokeRequests';
import { inlayHintRefresher, registerInlayHints } from './lsp/inlayHints';
import { registerNavigation } from './lsp/navigation';
import { registerWhatIfNotBefore } from './lsp/whatIfNotBefore';
import { registerInventoryStatusRequest } from './lsp/inventoryStatusRequest';
import { createSafeRunner, formatError } from './lsp/runner';
import { fileTooLargeDiagnostics, sizeOverLimit } from './lsp/sizeLimit';
import type { RuntimeEnvironment } from './lsp/runtime';

export type { RuntimeEnvironment } from './lsp/runtime';

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const logger = connection.console;
  const runner = createSafeRunner(runtime, logger);
  let service: LanguageService = createLanguageService();
  const models = createModelCache({
    parse: (text, languageId) => service.parse(text, languageId),
    update: (previous, change, text) => service.update(previous, [change], text),
    onUpdateError: (error) =>
      logger.error(formatError('Incremental parse failed; parsed the whole document instead', error)),
  });
  const documents = createTextDocuments((uri, changes, version) => models.onDocumentChanged(uri, changes, version));
  let client: ClientSupport;
  let homepage: string | undefined;
  let settings: DocumentSettings;
  let diagnostics: DiagnosticsSupport | undefined;
  let inventory: WorkspaceInventory | undefined;
  let refreshInlayHints = () => {};
  let warmUp: IdleWarmUp | undefined;
  // The inventory version every feature reads (the last complete one), with workspace-relative paths.
  const inventoryContext = (): InventoryContext | undefined =>
    inventory && { snapshot: inventory.snapshot(), displayPath: inventory.displayPath };

  // The last preview asked for per manifest: its next pages are slices of it.
  const previews = createPreviewCache();

  // An edit's model is reached at once, while its diagnostics wait out their pause
  // (lsp/diagnostics.ts): validation then starts from it, and the completion or hover that often
  // follows a keystroke finds it ready. Deferred to after the change's own handling, so the pause
  // starts first.
  documents.onDidChangeContent(({ document }) => {
    runtime.timer.setImmediate(() => {
      try {
        models.advance(document);
      } catch (error) {
        logger.error(formatError(`Could not parse ${document.uri}`, error));
      }
    });
  });

  documents.onDidClose(({ document }) => {
    models.onDocumentRemoved(document.uri);
    previews.delete(document.uri);
    settings?.onDocumentRemoved(document.uri);
  });

  // The one validation path, for pushed and pulled diagnostics alike. The model is read after the
  // settings arrive, so the version reported is the version whose text was checked.
  const lspDiagnosticsOf = keptLspDiagnostics();
  const validate: Validator = async (document) => {
    const documentSettings = await settings.get(document.uri);
    const size = sizeOverLimit(document.getText(), documentSettings);
    const found =
      size !== undefined
        ? fileTooLargeDiagnostics(size, documentSettings, homepage)
        : service.doValidation(models.get(document), documentSettings, inventoryContext());
    inventory?.documentValidated();
    return {
      version: document.version,
      diagnostics: lspDiagnosticsOf(found, document.uri),
    };
  };

  connection.onInitialize((params): InitializeResult => {
    client = readClientSupport(params.capabilities);
    homepage = readHomepage(params.initializationOptions);
    service = createLanguageService({ homepage, revokeCommand: revokeCommandFor(params.initializationOptions) });
    settings = createDocumentSettings(connection, client.configuration, logger);
    diagnostics = client.pullDiagnostics
      ? registerDiagnosticsPullSupport(documents, connection, runner, client.diagnosticsRefresh, logger, validate)
      : registerDiagnosticsPushSupport(documents, connection, runtime, logger, validate);
    inventory = createWorkspaceInventory({ connection, runtime, documents, params, logger });
    const codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    refreshInlayHints = inlayHintRefresher(
      connection,
      params.capabilities.workspace?.inlayHint?.refreshSupport === true,
      logger,
    );
    inventory.onDidPublish(() => {
      diagnostics?.requestRefresh();
      refreshInlayHints();
      if (codeLensRefresh)
        connection
          .sendRequest(CodeLensRefreshRequest.type)
          .catch((error: unknown) =>
            logger.error(formatError('Could not ask the client to refresh code lenses', error)),
          );
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: {},
        documentSymbolProvider: { label: 'RenewRevocation' },
        foldingRangeProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: { resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        diagnosticProvider: client.pullDiagnostics
          ? { interFileDependencies: false, workspaceDiagnostics: false }
          : undefined,
      },
      serverInfo: { name: 'renew-revocation-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (client.configurationChangeRegistration) {
      // files.exclude too: the certificate inventory skips what it excludes.
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: [SETTINGS_SECTION, 'files.exclude'],
      });
    }
    logger.info(
      `RenewRevocation language server ${version} ready (${client.pullDiagnostics ? 'pull' : 'push'} diagnostics)`,
    );
    inventory?.start();
    warmUp = startIdleWarmUp({
      timer: runtime.timer,
      now: runtime.now ?? Date.now,
      busy: () => documents.all().length > 0,
      round: warmUpRound(service),
    });
  });

  connection.onDidChangeConfiguration((change) => {
    settings.onDidChangeConfiguration(change.settings);
    inventory?.onDidChangeConfiguration(change.settings);
    diagnostics?.requestRefresh();
    refreshInlayHints();
  });

  /**
   * A request about one document: `compute` gets the document's settings and the model of its
   * current version (read after the settings arrive, and used at once: a later edit may update
   * the model in place). A document that is not open, or is over the size limit, gets `neutral`.
   * Parameters are read inside the runner, so a malformed request is one more error it turns
   * into the neutral answer.
   */
  function onDocument<P extends { textDocument: { uri: string } }, T>(
    what: string,
    params: P,
    token: CancellationToken,
    neutral: T,
    compute: (model: FileModel, documentSettings: ServiceSettings, params: P, uri: string) => T,
  ) {
    return runner.runSafeAsync(
      async () => {
        const uri = params.textDocument.uri;
        if (!documents.get(uri)) return neutral;
        const documentSettings = await settings.get(uri);
        const document = documents.get(uri);
        if (!document || sizeOverLimit(document.getText(), documentSettings) !== undefined) return neutral;
        return compute(models.get(document), documentSettings, params, uri);
      },
      neutral,
      `Error while computing ${what} for ${String(params?.textDocument?.uri)}`,
      token,
    );
  }

  connection.onCodeAction((params, token) =>
    onDocument('code actions', params, token, [], (model, documentSettings, { range }, uri) =>
      service
        .getCodeActions(model, range, documentSettings, inventoryContext())
        .map((action) => toLspCodeAction(action, uri)),
    ),
  );

  connection.onHover((params, token) =>
    onDocument('hover', params, token, null, (model, documentSettings, { position }) => {
      const hover = service.doHover(model, position, documentSettings, inventoryContext());
      return hover && toLspHover(hover);
    }),
  );

  connection.onCompletion((params, token) =>
    onDocument('completion', params, token, { isIncomplete: false, items: [] }, (model, _settings, { position }) => {
      const { items, isIncomplete } = service.doCompleteList(model, position, inventoryContext());
      return { isIncomplete, items: items.map((item) => toLspCompletionItem(item, client.snippets)) };
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    onDocument('document symbols', params, token, [], (model, _settings, _params, uri) => {
      const symbols = service.findDocumentSymbols(model);
      return client.hierarchicalSymbols ? symbols.map(toLspDocumentSymbol) : toSymbolInformation(symbols, uri);
    }),
  );

  // Null rather than [] where the service has no ranges: an empty list would stop the editor
  // from folding the document by indentation.
  connection.onFoldingRanges((params, token) =>
    onDocument('folding ranges', params, token, null, (model) => {
      const ranges = service.getFoldingRanges(model);
      return ranges.length > 0 ? ranges.map(toLspFoldingRange) : null;
    }),
  );

  connection.onCodeLens((params, token) =>
    onDocument('code lenses', params, token, [], (model, _settings, _params, uri) =>
      service.getCodeLenses(model, inventoryContext()).map((lens) => toLspCodeLens(lens, uri)),
    ),
  );

  // The preview JSON for any client, a page of `kept` at a time; see protocol/requests.ts.
  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams, token: CancellationToken) => {
    const page = readKeptPage(params);
    if ('error' in page) return new ResponseError(ErrorCodes.InvalidParams, `${PREVIEW_REQUEST}: ${page.error}`);
    return onDocument<PreviewParams, PreviewResult | null>(
      'the revocation preview',
      params,
      token,
      null,
      (model, _settings, _params, uri) => {
        const context = inventoryContext();
        if (!context || !inventory) return null;
        const documentVersion = documents.get(uri)?.version ?? 0;
        const computed = previews.get(uri, documentVersion, context.snapshot.version, () => {
          const preview = service.previewRevocation(model, context);
          return { preview, entryLocations: service.previewEntryLocations(model, preview) };
        });
        return previewAnswer(computed, page, {
          uri,
          documentVersion,
          inventoryVersion: context.snapshot.version,
          scanning: inventory.scanning,
        });
      },
    );
  });

  registerInlayHints(connection, onDocument, () => service, inventoryContext);
  registerWhatIfNotBefore(
    connection,
    onDocument,
    () => service,
    inventoryContext,
    (uri) => documents.get(uri)?.version ?? 0,
  );
  registerNavigation({
    connection,
    runner,
    onDocument,
    service: () => service,
    inventory: inventoryContext,
    uriOf: (path) => inventory?.uriOf(path),
    documents,
    models,
    fileSystem: runtime.fileSystem,
    workspaceManifestUris: () => inventory?.manifestUris() ?? [],
    maxFileSize: async (uri) => (await settings.get(uri)).maxFileSize,
  });

  registerDecodeRequest(
    connection,
    runner,
    () => service,
    (uri) => settings.get(uri),
  );

  registerRevokeRequests(connection, runner, {
    documents,
    model: (document) => models.get(document),
    inventory: inventoryContext,
    maxFileSize: () => DEFAULT_SETTINGS.maxFileSize,
  });
  registerInventoryStatusRequest(connection, () => inventory);

  connection.onShutdown(() => {
    warmUp?.dispose();
    inventory?.dispose();
    diagnostics?.dispose();
    models.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
