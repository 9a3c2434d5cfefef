// `lint --format sarif`: SARIF 2.1.0 for code-scanning services. One run; the tool driver
// `renew-revocation` with one rule per diagnostic code; results with one-based regions (SARIF
// counts lines and columns from 1, columns in UTF-16 code units like LSP), `information` and
// `hint` as level `note`, and files relative to the current folder under `%SRCROOT%`. Paths that
// could not be read become tool execution notifications, so the run says it was incomplete.
import { ALL_CODES, CODES, isDiagnosticCode, type Range, type Severity } from '../../service';
import { artifactLocation, sourceRoot } from './artifactLocation';
import type { LintResult } from './lintFiles';

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifOptions {
  cwd: string;
  toolVersion: string;
  homepage?: string;
  exitCode: number;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** LSP's zero-based, end-exclusive range as SARIF's one-based region (endColumn is exclusive too). */
export function sarifRegion(range: Range): SarifRegion {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

export function lintSarif(result: LintResult, options: SarifOptions): object {
  const rules = ALL_CODES.map((code) => ({
    id: code,
    shortDescription: { text: CODES[code].summary },
    ...(options.homepage ? { helpUri: `${options.homepage}#${code}` } : {}),
    defaultConfiguration: { level: LEVEL[CODES[code].severity] },
  }));
  const results = result.files.flatMap((file) => {
    const location = artifactLocation(file.path, options.cwd);
    return file.diagnostics.map((diagnostic, index) => ({
      ruleId: diagnostic.code,
      ...(isDiagnosticCode(diagnostic.code) ? { ruleIndex: ALL_CODES.indexOf(diagnostic.code) } : {}),
      level: LEVEL[diagnostic.severity],
      message: { text: diagnostic.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: sarifRegion(diagnostic.range) } }],
      ...(diagnostic.relatedInformation?.length
        ? {
            relatedLocations: diagnostic.relatedInformation.map((related, index) => ({
              id: index + 1,
              message: { text: related.message },
              physicalLocation: { artifactLocation: location, region: sarifRegion(related.range) },
            })),
          }
        : {}),
      // Which manifest (and which List item) the result is about, in SARIF's property bag.
      ...(file.places[index] ? { properties: { ...file.places[index] } } : {}),
    }));
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'renew-revocation',
            version: options.toolVersion,
            ...(options.homepage ? { informationUri: options.homepage } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: result.problems.length === 0,
            exitCode: options.exitCode,
            toolExecutionNotifications: result.problems.map((problem) => ({
              level: 'error',
              message: { text: problem.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.path, options.cwd) } }],
            })),
          },
        ],
        originalUriBaseIds: sourceRoot(options.cwd),
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatLintSarif(result: LintResult, options: SarifOptions): string {
  return `${JSON.stringify(lintSarif(result, options), null, 2)}\n`;
}
