// `lint --format json`: one record per finding, `{file, range, severity, code, message}`, with the
// range zero-based as in LSP and the file as given on the command line (`<stdin>` for `-`), and
// the manifest it is about: `document`, `item` (its position in a List), `name` and `namespace`
// (null outside a manifest). Inputs that could not be checked close the array as errors with the
// code `unreadable` or `no-manifest`.
import type { Range, Severity } from '../../service';
import { NothingToCheckError, type IoError } from '../errors';
import type { LintResult } from './lintFiles';

export interface LintRecord {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  document: number | null;
  item: number | null;
  name: string | null;
  namespace: string | null;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** An input that could not be checked is an error record too: an empty array would read as a pass. */
function problemRecord(problem: IoError): LintRecord {
  const code = problem instanceof NothingToCheckError ? 'no-manifest' : 'unreadable';
  return {
    file: problem.path,
    range: START,
    severity: 'error',
    code,
    message: problem.message,
    document: null,
    item: null,
    name: null,
    namespace: null,
  };
}

export function lintRecords(result: LintResult): LintRecord[] {
  const findings: LintRecord[] = result.files.flatMap((file) =>
    file.diagnostics.map((diagnostic, index) => {
      const place = file.places[index];
      return {
        file: file.path,
        range: diagnostic.range,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
        document: place?.document ?? null,
        item: place?.item ?? null,
        name: place?.name ?? null,
        namespace: place?.namespace ?? null,
      };
    }),
  );
  return [...findings, ...result.problems.map(problemRecord)];
}

export function formatLintJson(result: LintResult): string {
  return `${JSON.stringify(lintRecords(result), null, 2)}\n`;
}
