// When the server has stopped for good, the language client removes every diagnostic it
// published, and a manifest with a dangerous entry would look clean. This keeps a copy instead:
// the last diagnostics, in a collection of the extension's own, each message marked stale, until
// the server is started again (whose fresh diagnostics then replace them).
import { Diagnostic, languages, type DiagnosticCollection, type Disposable, type Uri } from 'vscode';

/** The server's diagnostics carry this source; so do the stale copies (the Problems panel groups them alike). */
export const DIAGNOSTIC_SOURCE = 'renew-revocation';
export const STALE_SUFFIX = ' (stale: server stopped)';

export class StaleDiagnostics implements Disposable {
  private readonly collection: DiagnosticCollection = languages.createDiagnosticCollection('renewRevocation.stale');

  /** Copies what the server's diagnostics show now; call it before the client clears them. */
  keep(): void {
    const entries: Array<[Uri, Diagnostic[]]> = [];
    for (const [uri, diagnostics] of languages.getDiagnostics()) {
      const ours = diagnostics.filter(
        (diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE && !diagnostic.message.endsWith(STALE_SUFFIX),
      );
      if (ours.length > 0) entries.push([uri, ours.map(staleCopy)]);
    }
    this.collection.clear();
    this.collection.set(entries);
  }

  /** The server runs again: its own diagnostics take over. */
  clear(): void {
    this.collection.clear();
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function staleCopy(diagnostic: Diagnostic): Diagnostic {
  const copy = new Diagnostic(diagnostic.range, diagnostic.message + STALE_SUFFIX, diagnostic.severity);
  copy.source = diagnostic.source;
  copy.code = diagnostic.code;
  copy.tags = diagnostic.tags;
  copy.relatedInformation = diagnostic.relatedInformation;
  return copy;
}
