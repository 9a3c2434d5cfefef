// The shape every rule family shares: a family checks a file and reports findings; each finding
// carries its code, its offsets, a message for people, and the fixes that apply to it.
import type { DiagnosticCode } from '../codes';
import type { FileModel } from '../parse/fileModel';
import type { ServiceSettings } from '../settings';

export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  isPreferred?: boolean;
}

export interface RelatedFinding {
  start: number;
  end: number;
  message: string;
}

export interface Finding {
  code: DiagnosticCode;
  start: number;
  end: number;
  message: string;
  related?: RelatedFinding[];
  fixes?: Fix[];
}

export interface RuleContext {
  file: FileModel;
  /** The clock: `not-before-future` and the quick fixes that write "now" read it. */
  now: Date;
  /** The settings findings depend on (`expiryWarningDays` for `certificate-expiring`). */
  settings: ServiceSettings;
}

export type Report = (finding: Finding) => void;

export interface RuleFamily {
  /** A name for people and for tests: `serial`, `dns`… */
  name: string;
  /** The codes this family can report. */
  codes: readonly DiagnosticCode[];
  check(context: RuleContext, report: Report): void;
}
