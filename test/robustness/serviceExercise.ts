// Every feature of the language service over one text, as an editor would ask for them: the
// diagnostics, quick fixes over the whole text and at each diagnostic, hover and completion at
// the start, the middle, the end and the first diagnostics, the outline, folding, the decoded view.
// Whatever escapes is the caller's to report; nothing here catches.
import { createLanguageService } from '../../server/src/service/languageService';
import type { Diagnostic, Position } from '../../server/src/service/types';

export interface ExerciseResult {
  diagnostics: Diagnostic[];
  /** Quick fixes offered, hovers answered, completion items, symbols: proof that each feature answered. */
  codeActions: number;
  hovers: number;
  completions: number;
  symbols: number;
  /** Characters of the decoded view (certificate files only, else 0). */
  viewLength: number;
  /** Every hover and view text, for scans (key material). */
  texts: string[];
  milliseconds: number;
}

export function exerciseService(text: string, languageId: string, now: Date, bytes?: Uint8Array): ExerciseResult {
  const started = performance.now();
  const service = createLanguageService({ now: () => now });
  const model = service.parse(text, languageId);
  const diagnostics = service.doValidation(model);
  const end = model.lineIndex.positionAt(text.length);
  const middle = model.lineIndex.positionAt(Math.floor(text.length / 2));
  const positions: Position[] = [
    { line: 0, character: 0 },
    middle,
    end,
    ...diagnostics.slice(0, 20).map((diagnostic) => diagnostic.range.start),
  ];
  let codeActions = service.getCodeActions(model, { start: { line: 0, character: 0 }, end }).length;
  for (const diagnostic of diagnostics.slice(0, 20))
    codeActions += service.getCodeActions(model, diagnostic.range).length;
  let hovers = 0;
  let completions = 0;
  const texts: string[] = [];
  for (const position of positions) {
    const hover = service.doHover(model, position);
    if (hover) {
      hovers++;
      texts.push(hover.contents.value);
    }
    completions += service.doComplete(model, position).length;
  }
  const symbols = service.findDocumentSymbols(model).length + service.getFoldingRanges(model).length;
  let viewLength = 0;
  if (languageId === 'pem') {
    for (const input of bytes ? [text, bytes] : [text]) {
      const view = service.decodeForView(input);
      viewLength += view.length;
      texts.push(view);
    }
  }
  return {
    diagnostics,
    codeActions,
    hovers,
    completions,
    symbols,
    viewLength,
    texts,
    milliseconds: performance.now() - started,
  };
}
