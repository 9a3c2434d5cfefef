// The shape of a rule (as ESLint's `meta` + `create`): a record that declares the codes it reports
// (each with its default severity, title and documentation), and a `create` that returns the hooks
// the engine (engine.ts) calls while it walks a file once. Each finding carries its code, its
// offsets, a message for people, and the fixes that apply to it.
import type { DiagnosticCode } from '../codes';
import type { EntryModel, ManifestModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import type { ServiceSettings } from '../settings';
import type { Severity } from '../types';

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

/**
 * What the product says about one code: codes.ts and the README's Diagnostics section are
 * generated from these (`npm run generate:rules`).
 */
export interface CodeMeta {
  code: DiagnosticCode;
  /** The default severity; `renewRevocation.rules` overrides it. */
  severity: Severity;
  /** One line: the README table, SARIF's `shortDescription`. */
  title: string;
  /** The README section's Markdown, after its bolded severity. */
  docs: string;
}

/**
 * The hooks of one rule for one file. The engine walks the file once: `file` first, then for
 * each manifest `manifest`, then `entry` for each of its entries.
 */
export interface RuleVisitor {
  file?: () => void;
  manifest?: (manifest: ManifestModel) => void;
  entry?: (entry: EntryModel, manifest: ManifestModel) => void;
}

export interface Rule {
  /** A name for people and for tests: `serial`, `dns`… */
  name: string;
  /**
   * The codes this rule reports, in the order the README lists them. Usually one; several when
   * one analysis decides between them (a serial is invalid, a number or not canonical).
   */
  meta: readonly CodeMeta[];
  /** Called once per file check: per-file set-up goes here, never per entry. */
  create(context: RuleContext, report: Report): RuleVisitor;
  /**
   * What the clock decides in the `entry` hook's findings. Unset: nothing, so an entry's findings
   * are kept across versions while the entry is unchanged (rules/entryFindings.ts). `fixes`: only
   * the fixes (a quick fix that writes "now"): kept too, and code actions ask the rule again with
   * the clock of the request. `findings`: whether a finding is reported or its message: the hook
   * runs at every check.
   */
  clock?: 'fixes' | 'findings';
  /**
   * With `clock: 'findings'`: the instant in an entry until which the clock decides its findings
   * (a `notBefore` still ahead); undefined when it decides nothing in them. The `entry` hook must
   * report the same for every clock at or after that instant: validation keeps what it reports
   * with a clock past every instant, and runs it with the real one only on the entries whose
   * instant is still ahead, instead of on every entry at every check.
   */
  clockUntil?: (entry: EntryModel) => number | undefined;
}

/** A whole-file check that reports several codes (the schema's), wrapped into a rule by its record. */
export interface RuleFamily {
  /** A name for people and for tests: `serial`, `dns`… */
  name: string;
  /** The codes this family can report. */
  codes: readonly DiagnosticCode[];
  check(context: RuleContext, report: Report): void;
}
