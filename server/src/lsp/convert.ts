// The service returns plain, LSP-shaped objects that know no document URI and spell severities
// as words; these functions make protocol objects of them. One function per kind of object, so a
// new feature adds one mapping here and one handler line in server.ts.
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction as LspCodeAction,
  type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver';
import type { CodeAction, Diagnostic, Severity } from '../service/index';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(diagnostic: Diagnostic, uri: string): LspDiagnostic {
  const result: LspDiagnostic = {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: diagnostic.source,
    message: diagnostic.message,
  };
  if (diagnostic.codeDescription) result.codeDescription = { href: diagnostic.codeDescription.href };
  if (diagnostic.relatedInformation?.length) {
    result.relatedInformation = diagnostic.relatedInformation.map((related) => ({
      location: { uri, range: related.range },
      message: related.message,
    }));
  }
  return result;
}

export function toLspCodeAction(action: CodeAction, uri: string): LspCodeAction {
  const result: LspCodeAction = {
    title: action.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(action.diagnostic, uri)],
    edit: { changes: { [uri]: action.edits.map((edit) => ({ range: edit.range, newText: edit.newText })) } },
  };
  if (action.isPreferred) result.isPreferred = true;
  return result;
}
