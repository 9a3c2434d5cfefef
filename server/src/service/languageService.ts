// The language service: plain functions over a parsed model, with everything from outside (the
// clock, the settings, the homepage) handed in. No editor, no protocol, no file system, no timers.
import { parseFile, type FileModel } from './parse/fileModel';
import { updateFile, type TextChange } from './parse/incremental';
import { getCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { findDocumentSymbols } from './features/documentSymbols';
import { doHover } from './features/hover';
import { certificateHover } from './features/certificateHover';
import { findPemSymbols, getPemFoldingRanges } from './features/pemOutline';
import { decodeForView } from './x509/decodedView';
import { checkFile, type ValidationOptions } from './features/validation';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, Position, Range } from './types';

export interface LanguageServiceOptions {
  /** The clock; tests and `--now` pin it. */
  now?: () => Date;
  /** `package.json` homepage, for `codeDescription` links. */
  homepage?: string;
}

export interface LanguageService {
  /** The model of one document version; callers keep it per version and pass it back. */
  parse(text: string, languageId?: string): FileModel;
  /**
   * The model of `text` reached from `previous` by the editor's `changes`: re-parses only the
   * edited entry when it can, else the whole text. Takes ownership of `previous`.
   */
  update(previous: FileModel, changes: readonly TextChange[], text: string): FileModel;
  doValidation(model: FileModel, settings?: ServiceSettings): Diagnostic[];
  getCodeActions(model: FileModel, range: Range, settings?: ServiceSettings): CodeAction[];
  /** Keys, values and snippets at a position; multi-line items are laid out for their column (send them as-is). */
  doComplete(model: FileModel, position: Position): CompletionItem[];
  /**
   * Markdown about what is under the position: a certificate, CSR or key (any language; the
   * settings give `expiryWarningDays`), else the key or value of a manifest; or null.
   */
  doHover(model: FileModel, position: Position, settings?: ServiceSettings): Hover | null;
  /** One node per RenewRevocation document, one child per entry. */
  findDocumentSymbols(model: FileModel): DocumentSymbol[];
  /** One range per multi-line PEM block of a `pem` document; [] for other languages (their editors fold by indentation). */
  getFoldingRanges(model: FileModel): FoldingRange[];
  /** The readable full decode of a certificate file (PEM, bundle, binary DER, kubeconfig…) for the decoded view. */
  decodeForView(input: string | Uint8Array, settings?: ServiceSettings): string;
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
    update: updateFile,
    doValidation: (model, settings) => checkFile(model, validationOptions(settings)).map((checked) => checked.diagnostic),
    getCodeActions: (model, range, settings) => getCodeActions(model, range, validationOptions(settings)),
    doComplete: (model, position) => doComplete(model, position, now()),
    doHover: (model, position, settings = DEFAULT_SETTINGS) =>
      certificateHover(model, position, { now: now(), expiryWarningDays: settings.expiryWarningDays }) ?? doHover(model, position, { now: now() }),
    findDocumentSymbols: (model) => (model.languageId === 'pem' ? findPemSymbols(model) : findDocumentSymbols(model)),
    getFoldingRanges: (model) => (model.languageId === 'pem' ? getPemFoldingRanges(model) : []),
    decodeForView: (input, settings = DEFAULT_SETTINGS) => decodeForView(input, { now: now(), expiryWarningDays: settings.expiryWarningDays }),
  };
}
