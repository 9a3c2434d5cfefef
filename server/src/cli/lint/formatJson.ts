// `lint --format json`: one record per finding, `{file, range, severity, code, message}`, with the
// range zero-based as in LSP and the file as given on the command line (SPEC §6).
import type { Range, Severity } from '../../service/types';
import type { LintResult } from './lintFiles';

export interface LintRecord {
  file: string;
  range: Range;
  severity: Severity;
  code: string;
  message: string;
}

export function lintRecords(result: LintResult): LintRecord[] {
  return result.files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => ({
      file: file.path,
      range: diagnostic.range,
      severity: diagnostic.severity,
      code: diagnostic.code,
      message: diagnostic.message,
    })),
  );
}

export function formatLintJson(result: LintResult): string {
  return `${JSON.stringify(lintRecords(result), null, 2)}\n`;
}
