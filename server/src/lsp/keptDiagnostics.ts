// The LSP diagnostic made of each service diagnostic, kept while the service keeps that diagnostic
// (it keeps a finding's diagnostic while the finding's entry is unchanged, features/validation.ts).
// A keystroke then hands the transport mostly the objects it wrote before, whose JSON it has kept
// (node/messageEncoder.ts).
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../service/index';
import { toLspDiagnostic } from './convert';

export type LspDiagnosticsOf = (found: readonly Diagnostic[], uri: string) => LspDiagnostic[];

export function keptLspDiagnostics(): LspDiagnosticsOf {
  // Keyed by the service's object; the URI is part of the answer (related information names it).
  const kept = new WeakMap<Diagnostic, { uri: string; diagnostic: LspDiagnostic }>();
  return (found, uri) =>
    found.map((diagnostic) => {
      const known = kept.get(diagnostic);
      if (known && known.uri === uri) return known.diagnostic;
      const converted = toLspDiagnostic(diagnostic, uri);
      kept.set(diagnostic, { uri, diagnostic: converted });
      return converted;
    });
}
