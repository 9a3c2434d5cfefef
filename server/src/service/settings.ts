// The settings the service reads, with the defaults the README's "Settings" gives. The server fills them from
// `workspace/configuration`, the CLI from `--config`.
import { isDiagnosticCode } from './codes';
import type { SeverityOverride } from './types';

export interface ServiceSettings {
  /** Severity per code (`renewRevocation.rules`). */
  rules: Partial<Record<string, SeverityOverride>>;
  /** `renewRevocation.expiryWarningDays`. */
  expiryWarningDays: number;
  /** `renewRevocation.maxFileSize`, in bytes. */
  maxFileSize: number;
  /** `renewRevocation.inlayHints.enabled`. */
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  rules: {},
  expiryWarningDays: 30,
  maxFileSize: 5 * 1024 * 1024,
  inlayHints: true,
};

const OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'information', 'hint', 'off'];

export interface RulesProblem {
  key: string;
  message: string;
}

/**
 * Reads a `renewRevocation.rules` object, keeping the valid entries and describing the others
 * (an unknown code or severity is a mistake the user wants to hear about, not a crash).
 */
export function readRules(value: unknown): {
  rules: Partial<Record<string, SeverityOverride>>;
  problems: RulesProblem[];
} {
  const rules: Partial<Record<string, SeverityOverride>> = {};
  const problems: RulesProblem[] = [];
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({
      key: '',
      message: 'rules must be an object mapping a diagnostic code to error, warning, information, hint or off',
    });
    return { rules, problems };
  }
  for (const [key, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!isDiagnosticCode(key)) {
      problems.push({ key, message: `unknown diagnostic code \`${key}\`` });
    } else if (typeof severity !== 'string' || !OVERRIDES.includes(severity as SeverityOverride)) {
      problems.push({
        key,
        message: `severity of \`${key}\` must be one of ${OVERRIDES.join(', ')}; found \`${String(severity)}\``,
      });
    } else {
      rules[key] = severity as SeverityOverride;
    }
  }
  return { rules, problems };
}
