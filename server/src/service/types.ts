// Plain, LSP-shaped objects: the service returns these and knows nothing of any editor or of
// the protocol. The server maps them to LSP (they are structurally compatible), the CLI prints
// them.

/** Zero-based line and UTF-16 character, as in LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A setting value for one code: a severity or `off`. */
export type SeverityOverride = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  source: 'renew-revocation';
  message: string;
  /** `<homepage>#<code>`, only when the host gave a homepage. */
  codeDescription?: { href: string };
  /** Locations in the same document (the server adds the URI). */
  relatedInformation?: RelatedInformation[];
}

export interface CodeAction {
  title: string;
  kind: 'quickfix';
  /** The diagnostic this action fixes. */
  diagnostic: Diagnostic;
  isPreferred?: boolean;
  /** Edits to the document the action was asked for. */
  edits: TextEdit[];
}

export interface MarkupContent {
  kind: 'markdown';
  value: string;
}

export interface Hover {
  contents: MarkupContent;
  range?: Range;
}

export type CompletionItemKind = 'property' | 'value' | 'snippet' | 'enum';

export interface CompletionItem {
  label: string;
  kind: CompletionItemKind;
  detail?: string;
  documentation?: MarkupContent;
  /** Text to insert; a snippet (LSP snippet syntax) when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** The text the insertion replaces (the word under the cursor). */
  range: Range;
  sortText?: string;
  filterText?: string;
  /** Run by the editor after inserting the item (`editor.action.triggerSuggest`: complete again). */
  command?: { title: string; id: string };
}

export type SymbolKind = 'file' | 'object' | 'array' | 'key' | 'string' | 'module';

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

export interface CodeLens {
  range: Range;
  title: string;
  /** Command id and arguments the client runs when the lens is clicked, if any. */
  command?: { id: string; arguments: unknown[] };
}
