// The language server: LSP wiring only. Every answer comes from the pure language service over
// the cached model of the document's current version; every handler runs through the safe
// runner. Entry points (node/serverMain.ts) build the connection and the runtime and call
// startServer, as VS Code's json-language-features does.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { createLanguageService, type FileModel, type LanguageService } from './service/index';
import { readClientSupport, readHomepage, type ClientSupport } from './lsp/clientSupport';
import { toLspCodeAction, toLspDiagnostic } from './lsp/convert';
import {
  registerDiagnosticsPullSupport,
  registerDiagnosticsPushSupport,
  type DiagnosticsSupport,
  type Validator,
} from './lsp/diagnostics';
import { createDocumentSettings, SETTINGS_SECTION, type DocumentSettings } from './lsp/documentSettings';
import { createModelCache } from './lsp/modelCache';
import { createSafeRunner } from './lsp/runner';
import type { RuntimeEnvironment } from './lsp/runtime';

export type { RuntimeEnvironment } from './lsp/runtime';

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  const logger = connection.console;
  const runner = createSafeRunner(runtime, logger);
  const documents = new TextDocuments(TextDocument);
  let service: LanguageService = createLanguageService();
  const models = createModelCache<FileModel>((document) => service.parse(document.getText(), document.languageId));
  let client: ClientSupport;
  let settings: DocumentSettings;
  let diagnostics: DiagnosticsSupport | undefined;

  documents.onDidClose(({ document }) => {
    models.onDocumentRemoved(document.uri);
    settings?.onDocumentRemoved(document.uri);
  });

  // The one validation path, for pushed and pulled diagnostics alike. The model is read after the
  // settings arrive, so the version reported is the version whose text was checked.
  const validate: Validator = async (document) => {
    const documentSettings = await settings.get(document.uri);
    const model = models.get(document);
    const diagnosticsOfModel = service.doValidation(model, documentSettings).map((diagnostic) => toLspDiagnostic(diagnostic, document.uri));
    return { version: document.version, diagnostics: diagnosticsOfModel };
  };

  connection.onInitialize((params): InitializeResult => {
    client = readClientSupport(params.capabilities);
    service = createLanguageService({ homepage: readHomepage(params.initializationOptions) });
    settings = createDocumentSettings(connection, client.configuration, logger);
    diagnostics = client.pullDiagnostics
      ? registerDiagnosticsPullSupport(documents, connection, runner, client.diagnosticsRefresh, logger, validate)
      : registerDiagnosticsPushSupport(documents, connection, runtime, logger, validate);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: client.pullDiagnostics ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'renew-revocation-language-server', version },
    };
  });

  connection.onInitialized(() => {
    if (client.configurationChangeRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    logger.info(`RenewRevocation language server ${version} ready (${client.pullDiagnostics ? 'pull' : 'push'} diagnostics)`);
  });

  connection.onDidChangeConfiguration((change) => {
    settings.onDidChangeConfiguration(change.settings);
    diagnostics?.requestRefresh();
  });

  connection.onCodeAction((params, token) => {
    const uri = params.textDocument.uri;
    return runner.runSafeAsync(
      async () => {
        const document = documents.get(uri);
        if (!document) return [];
        const documentSettings = await settings.get(uri);
        return service.getCodeActions(models.get(document), params.range, documentSettings).map((action) => toLspCodeAction(action, uri));
      },
      [],
      `Error while computing code actions for ${uri}`,
      token,
    );
  });

  connection.onShutdown(() => {
    diagnostics?.dispose();
    models.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
