// `lint --format json`: one record per finding, `{file, range, severity, code, message}`, with the
// range zero-based as in LSP and the file as given on the command line (`<stdin>` for `-`). Inputs
// that could not be checked close the array as errors with the code `unreadable` or `no-manifest`.
import type { Range, Severity } from '../../service';
import { NothingToCheckError, type IoError } from '../errors';
import type { LintResult } from './lintFiles';

export interface LintRecord {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** An input that could not be checked is an error record too: an empty array would read as a pass. */
function problemRecord(problem: IoError): LintRecord {
  const code = problem instanceof NothingToCheckError ? 'no-manifest' : 'unreadable';
  return { file: problem.path, range: START, severity: 'error', code, message: problem.message };
}

export function lintRecords(result: LintResult): LintRecord[] {
  const findings = result.files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => ({
      file: file.path,
      range: diagnostic.range,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    })),
  );
  return [...findings, ...result.problems.map(problemRecord)];
}

export function formatLintJson(result: LintResult): string {
  return `${JSON.stringify(lintRecords(result), null, 2)}\n`;
}
