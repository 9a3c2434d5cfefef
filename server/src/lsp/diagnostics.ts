// Diagnostics reach the client in one of two ways, both from the same validator: pushed
// (`textDocument/publishDiagnostics`) or pulled (`textDocument/diagnostic`) when the client
// advertises pull support. Pushing validates at once on open and after a short pause on edits,
// per document, and never publishes the diagnostics of a version that is no longer current.
import {
  DocumentDiagnosticReportKind,
  type Connection,
  type DiagnosticServerCancellationData,
  type Diagnostic,
  type Disposable,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatError, type SafeRunner } from './runner';
import type { Logger, RuntimeEnvironment } from './runtime';

/** The pause after an edit before validating: typing several characters costs one validation. */
export const EDIT_DEBOUNCE_MS = 50;

export interface ValidationResult {
  /** The version whose text was validated (the document may have moved on meanwhile). */
  version: number;
  diagnostics: Diagnostic[];
}

export type Validator = (document: TextDocument) => Promise<ValidationResult>;

export interface DiagnosticsSupport {
  /** Settings changed: every open document's diagnostics are recomputed. */
  requestRefresh(): void;
  dispose(): void;
}

export function registerDiagnosticsPushSupport(
  documents: TextDocuments<TextDocument>,
  connection: Connection,
  runtime: RuntimeEnvironment,
  logger: Logger,
  validate: Validator,
): DiagnosticsSupport {
  const pending = new Map<string, Disposable>();
  const openedAtVersion = new Map<string, number>();
  const disposables: Disposable[] = [];

  function cancelPending(uri: string): void {
    pending.get(uri)?.dispose();
    pending.delete(uri);
  }

  function trigger(document: TextDocument, delayMs: number): void {
    const uri = document.uri;
    cancelPending(uri);
    const run = async () => {
      if (pending.get(uri) !== timer) return;
      try {
        const result = await validate(document);
        // A later edit, a close or a settings change scheduled another run: this one is stale.
        if (pending.get(uri) === timer && documents.get(uri)?.version === result.version) {
          await connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
        }
      } catch (error) {
        logger.error(formatError(`Error while validating ${uri}`, error));
      } finally {
        if (pending.get(uri) === timer) pending.delete(uri);
      }
    };
    // run catches its own errors: nothing is left to the timer.
    const start = () => void run();
    const timer = delayMs === 0 ? runtime.timer.setImmediate(start) : runtime.timer.setTimeout(start, delayMs);
    pending.set(uri, timer);
  }

  // TextDocuments fires onDidOpen and then onDidChangeContent for an open: the opened version is
  // validated at once, later versions after the pause.
  documents.onDidOpen(({ document }) => openedAtVersion.set(document.uri, document.version), undefined, disposables);
  documents.onDidChangeContent(
    ({ document }) => {
      const justOpened = openedAtVersion.get(document.uri) === document.version;
      openedAtVersion.delete(document.uri);
      trigger(document, justOpened ? 0 : EDIT_DEBOUNCE_MS);
    },
    undefined,
    disposables,
  );
  documents.onDidClose(
    ({ document }) => {
      cancelPending(document.uri);
      openedAtVersion.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    },
    undefined,
    disposables,
  );

  return {
    requestRefresh: () => documents.all().forEach((document) => trigger(document, 0)),
    dispose: () => {
      disposables.forEach((disposable) => disposable.dispose());
      pending.forEach((timer) => timer.dispose());
      pending.clear();
    },
  };
}

export function registerDiagnosticsPullSupport(
  documents: TextDocuments<TextDocument>,
  connection: Connection,
  runner: SafeRunner,
  supportsRefresh: boolean,
  logger: Logger,
  validate: Validator,
): DiagnosticsSupport {
  // A result id names the document instance (a reopened document starts its versions again),
  // its version and the settings generation: the same id means the same diagnostics.
  const instanceIds = new WeakMap<TextDocument, number>();
  let nextInstanceId = 0;
  let settingsGeneration = 0;
  const instanceId = (document: TextDocument) => {
    let id = instanceIds.get(document);
    if (id === undefined) instanceIds.set(document, (id = nextInstanceId++));
    return id;
  };
  const emptyReport: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

  const registration = connection.languages.diagnostics.on((params, token) =>
    runner.runSafeAsync<DocumentDiagnosticReport, DiagnosticServerCancellationData>(
      async () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return emptyReport;
        const generation = settingsGeneration;
        if (params.previousResultId === `${instanceId(document)}.${document.version}.${generation}`) {
          return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: params.previousResultId };
        }
        const result = await validate(document);
        const resultId = `${instanceId(document)}.${result.version}.${generation}`;
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: result.diagnostics };
      },
      emptyReport,
      `Error while computing diagnostics for ${params.textDocument.uri}`,
      token,
    ),
  );

  return {
    requestRefresh: () => {
      settingsGeneration++;
      if (supportsRefresh) {
        connection.languages.diagnostics
          .refresh()
          .catch((error: unknown) =>
            logger.error(formatError('Could not ask the client to refresh diagnostics', error)),
          );
      }
    },
    dispose: () => registration.dispose(),
  };
}
