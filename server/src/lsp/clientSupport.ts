// What the client said it can do, read once from `initialize`.
import type { ClientCapabilities } from 'vscode-languageserver';

export interface ClientSupport {
  /** `textDocument/diagnostic`: the client pulls diagnostics, the server does not push them. */
  pullDiagnostics: boolean;
  /** `workspace/diagnostic/refresh`: the server may ask for a new pull after a settings change. */
  diagnosticsRefresh: boolean;
  /** `workspace/configuration`: settings are asked for per document. */
  configuration: boolean;
  /** The server may register for `workspace/didChangeConfiguration` itself. */
  configurationChangeRegistration: boolean;
  /** Completion items may be snippets (else their placeholders are filled in). */
  snippets: boolean;
  /** Document symbols may nest (else they are sent as a flat list). */
  hierarchicalSymbols: boolean;
}

export function readClientSupport(capabilities: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: capabilities.textDocument?.diagnostic !== undefined,
    diagnosticsRefresh: capabilities.workspace?.diagnostics?.refreshSupport === true,
    configuration: capabilities.workspace?.configuration === true,
    configurationChangeRegistration: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    snippets: capabilities.textDocument?.completion?.completionItem?.snippetSupport === true,
    hierarchicalSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };
}

/** `initializationOptions.homepage`: diagnostics link to `<homepage>#<code>` only when it is given. */
export function readHomepage(initializationOptions: unknown): string | undefined {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return undefined;
  const homepage = (initializationOptions as { homepage?: unknown }).homepage;
  return typeof homepage === 'string' && /^https?:\/\//.test(homepage) ? homepage.replace(/#.*$/, '') : undefined;
}
