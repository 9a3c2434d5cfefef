// The service returns plain, LSP-shaped objects that know no document URI and spell severities
// as words; these functions make protocol objects of them. One function per kind of object, so a
// new feature adds one mapping here and one handler line in server.ts.
import {
  CodeActionKind,
  CompletionItemKind as LspCompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  InsertTextMode,
  SymbolKind as LspSymbolKind,
  type CodeAction as LspCodeAction,
  type CodeLens as LspCodeLens,
  type CompletionItem as LspCompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol as LspDocumentSymbol,
  type FoldingRange as LspFoldingRange,
  type Hover as LspHover,
  type SymbolInformation,
} from 'vscode-languageserver';
import {
  resolveSnippet,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type CompletionItemKind,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type Severity,
  type SymbolKind,
} from '../service/index';

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

export function toLspHover(hover: Hover): LspHover {
  return hover.range ? { contents: hover.contents, range: hover.range } : { contents: hover.contents };
}

const COMPLETION_KINDS: Record<CompletionItemKind, LspCompletionItemKind> = {
  property: LspCompletionItemKind.Property,
  value: LspCompletionItemKind.Value,
  snippet: LspCompletionItemKind.Snippet,
  enum: LspCompletionItemKind.EnumMember,
};

/**
 * The service lays multi-line items out for their column, so the editor must insert them as
 * they are (`asIs`). A client without snippet support gets the text with placeholders filled.
 */
export function toLspCompletionItem(item: CompletionItem, snippetSupport: boolean): LspCompletionItem {
  const asSnippet = item.isSnippet && snippetSupport;
  const newText = item.isSnippet && !snippetSupport ? resolveSnippet(item.insertText) : item.insertText;
  const result: LspCompletionItem = {
    label: item.label,
    kind: COMPLETION_KINDS[item.kind],
    textEdit: { range: item.range, newText },
    insertTextFormat: asSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (item.detail !== undefined) result.detail = item.detail;
  if (item.documentation) result.documentation = item.documentation;
  if (item.sortText !== undefined) result.sortText = item.sortText;
  if (item.filterText !== undefined) result.filterText = item.filterText;
  if (item.command) result.command = { title: item.command.title, command: item.command.id };
  return result;
}

const SYMBOL_KINDS: Record<SymbolKind, LspSymbolKind> = {
  file: LspSymbolKind.File,
  object: LspSymbolKind.Object,
  array: LspSymbolKind.Array,
  key: LspSymbolKind.Key,
  string: LspSymbolKind.String,
  module: LspSymbolKind.Module,
};

export function toLspDocumentSymbol(symbol: DocumentSymbol): LspDocumentSymbol {
  const result: LspDocumentSymbol = {
    name: symbol.name,
    kind: SYMBOL_KINDS[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
  };
  if (symbol.detail !== undefined) result.detail = symbol.detail;
  if (symbol.children) result.children = symbol.children.map(toLspDocumentSymbol);
  return result;
}

/** For clients without nested symbols: every symbol, depth first, naming its parent. */
export function toSymbolInformation(
  symbols: DocumentSymbol[],
  uri: string,
  containerName?: string,
): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    {
      name: symbol.name,
      kind: SYMBOL_KINDS[symbol.kind],
      location: { uri, range: symbol.range },
      ...(containerName ? { containerName } : {}),
    },
    ...toSymbolInformation(symbol.children ?? [], uri, symbol.name),
  ]);
}

export function toLspFoldingRange(range: FoldingRange): LspFoldingRange {
  return { startLine: range.startLine, endLine: range.endLine };
}

/** A lens's command gets the document's URI as its first argument (the service knows no URIs). */
export function toLspCodeLens(lens: CodeLens, uri: string): LspCodeLens {
  if (!lens.command) return { range: lens.range };
  return {
    range: lens.range,
    command: { title: lens.title, command: lens.command.id, arguments: [uri, ...lens.command.arguments] },
  };
}
