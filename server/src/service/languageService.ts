// The language service: plain functions over a parsed model, with everything from outside (the
// clock, the settings, the homepage) handed in. No editor, no protocol, no file system, no timers.
import { parseFile, type FileModel } from './parse/fileModel';
import { getCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { findDocumentSymbols } from './features/documentSymbols';
import { doHover } from './features/hover';
import { checkFile, type ValidationOptions } from './features/validation';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Hover, Position, Range } from './types';

export interface LanguageServiceOptions {
  /** The clock; tests and `--now` pin it. */
  now?: () => Date;
  /** `package.json` homepage, for `codeDescription` links. */
  homepage?: string;
}

export interface LanguageService {
  /** The model of one document version; callers keep it per version and pass it back. */
  parse(text: string, languageId?: string): FileModel;
  doValidation(model: FileModel, settings?: ServiceSettings): Diagnostic[];
  getCodeActions(model: FileModel, range: Range, settings?: ServiceSettings): CodeAction[];
  /** Keys, values and snippets at a position; multi-line items are laid out for their column (send them as-is). */
  doComplete(model: FileModel, position: Position): CompletionItem[];
  /** Markdown about the key or value at a position in a manifest, or null. */
  doHover(model: FileModel, position: Position): Hover | null;
  /** One node per RenewRevocation document, one child per entry. */
  findDocumentSymbols(model: FileModel): DocumentSymbol[];
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const now = options.now ?? (() => new Date());
  const validationOptions = (settings: ServiceSettings = DEFAULT_SETTINGS): ValidationOptions => ({
    now: now(),
    settings,
    homepage: options.homepage,
  });
  return {
    parse: parseFile,
    doValidation: (model, settings) => checkFile(model, validationOptions(settings)).map((checked) => checked.diagnostic),
    getCodeActions: (model, range, settings) => getCodeActions(model, range, validationOptions(settings)),
    doComplete: (model, position) => doComplete(model, position, now()),
    doHover: (model, position) => doHover(model, position, { now: now() }),
    findDocumentSymbols: (model) => findDocumentSymbols(model),
  };
}
