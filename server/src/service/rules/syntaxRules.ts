// yaml-syntax: every parse error of a file that holds RenewRevocation documents, each at its
// place. Documents of other kinds stay silent, as the rest of such files do.
import { indentationMistakes, isCheckedDocument } from './indentationMistakes';
import type { Rule } from './ruleTypes';

export const syntaxRule: Rule = {
  name: 'syntax',
  meta: [
    {
      code: 'yaml-syntax',
      severity: 'error',
      title: 'The YAML does not parse.',
      docs: [
        'The YAML does not parse. Every parse error of a file that holds a RenewRevocation',
        'document is reported at its place; the rest of the file is still checked where possible.',
        'Documents of other kinds stay silent. Fix the YAML where the message points. A tab used as',
        'indentation, or a line dedented to a column no line above has, is one error at that line',
        '(with a fix: *Convert tabs to spaces*, or indent like the line above); the errors and findings',
        'it causes in the lines around it are folded into it.',
      ].join('\n'),
    },
  ],
  create: ({ file }, report) => ({
    file() {
      if (file.manifests.length === 0) return;
      // The parser repeats an error once per level it unwinds (an unclosed flow sequence nested
      // hundreds deep): one diagnostic per error and place.
      const reported = new Set<string>();
      const mistakes = indentationMistakes(file);
      for (const mistake of mistakes) {
        const { start, end, message, fix } = mistake;
        report({ code: 'yaml-syntax', start, end, message: `YAML syntax: ${message}`, fixes: [fix] });
      }
      const followsFromMistake = (offset: number) =>
        mistakes.some((mistake) => offset >= mistake.regionStart && offset < mistake.errorsEnd);
      for (const document of file.documents) {
        // A broken document whose kind we cannot read may well be the manifest being typed.
        if (!isCheckedDocument(document)) continue;
        for (const error of document.errors) {
          if (followsFromMistake(error.start)) continue;
          const [start, end] = visibleRange(file.text, error.start, error.end);
          const message = describeYamlError(error.message);
          const key = `${start}:${end}:${message}`;
          if (reported.has(key)) continue;
          reported.add(key);
          report({ code: 'yaml-syntax', start, end, message });
        }
      }
    },
  }),
};

/** The parser's message, first line only, with its own position suffix dropped (ours is the range). */
export function describeYamlError(message: string): string {
  const firstLine = message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
  // The parser gives up on collections nested hundreds deep with the engine's own words (how
  // deep depends on the stack left where it runs).
  if (firstLine.startsWith('Maximum call stack size exceeded')) {
    return 'YAML syntax: collections are nested too deeply to read (hundreds of levels, where a manifest needs a few): remove the extra nesting';
  }
  return `YAML syntax: ${firstLine}`;
}

/**
 * The parser places some errors (an unclosed flow sequence, say) at the end of the file, on an
 * empty line where no squiggle shows: move those back onto the last character written.
 */
function visibleRange(text: string, start: number, end: number): [number, number] {
  let at = Math.min(start, text.length);
  if (text.slice(at, Math.max(end, at + 1)).trim() !== '') return [at, Math.max(end, at + 1)];
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at > 0 ? [at - 1, at] : [0, Math.min(1, text.length)];
}
