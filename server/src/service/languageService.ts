// The language service: plain functions over a parsed model, with everything from outside (the
// clock, the settings, the homepage) handed in. No editor, no protocol, no file system, no timers.
import { parseFile, type FileModel } from './parse/fileModel';
import { getCodeActions } from './features/codeActions';
import { checkFile, type ValidationOptions } from './features/validation';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import type { CodeAction, Diagnostic, Range } from './types';

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
  };
}
