// Counts by severity and the exit code of `lint` (the README, "Command line"): 2 when a path or the config could not
// be read (2 wins), 1 when there are errors or more warnings than --max-warnings, else 0.
import type { Severity } from '../../service';
import { EXIT } from '../command';
import type { LintResult } from './lintFiles';

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(result: LintResult): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const file of result.files) for (const diagnostic of file.diagnostics) counts[diagnostic.severity]++;
  return counts;
}

export function tooManyWarnings(counts: SeverityCounts, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && counts.warning > maxWarnings;
}

export function lintExitCode(result: LintResult, counts: SeverityCounts, maxWarnings: number | undefined): number {
  if (result.problems.length > 0) return EXIT.usageOrIo;
  if (counts.error > 0 || tooManyWarnings(counts, maxWarnings)) return EXIT.failed;
  return EXIT.ok;
}
