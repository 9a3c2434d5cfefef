// `lint --format json`: one record per finding, `{file, range, severity, code, message}`, with the
// range zero-based as in LSP and the file as given on the command line, and the manifest it is
// about: `document`, `item` (its position in a List), `name` and `namespace` (null outside a manifest).
import type { Range, Severity } from '../../service/types';
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

export function lintRecords(result: LintResult): LintRecord[] {
  return result.files.flatMap((file) =>
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
}

export function formatLintJson(result: LintResult): string {
  return `${JSON.stringify(lintRecords(result), null, 2)}\n`;
}
