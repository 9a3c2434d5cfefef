// The `renewRevocation.rules` setting as VS Code's Settings UI shows it, generated from the rule
// records: one property per diagnostic code, each a severity or `off`, described by its title
// and default. scripts/generate-rules.mjs writes it into package.json; a unit test fails when
// package.json says something else.
import type { CodeMeta } from '../rules/ruleTypes';

export const RULES_SETTING = 'renewRevocation.rules';

export const SEVERITY_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;

const SEVERITY_DESCRIPTIONS = [
  'Shown as an error; `lint` fails on it.',
  'Shown as a warning.',
  'Shown as information.',
  'Shown as a hint (dotted, not in the Problems panel).',
  'Not reported.',
];

interface SeverityProperty {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  markdownDescription: string;
}

/** The setting's `properties`: the codes in the README's order. */
export function rulesSettingProperties(catalogue: readonly CodeMeta[]): Record<string, SeverityProperty> {
  const properties: Record<string, SeverityProperty> = {};
  for (const { code, severity, title } of catalogue) {
    properties[code] = {
      type: 'string',
      enum: [...SEVERITY_VALUES],
      enumDescriptions: SEVERITY_DESCRIPTIONS,
      markdownDescription: `${title} Default: \`${severity}\`.`,
    };
  }
  return properties;
}

type Json = { [key: string]: unknown };

function objectAt(value: unknown, ...path: string[]): Json | undefined {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Json)[key];
  }
  return typeof current === 'object' && current !== null ? (current as Json) : undefined;
}

/** package.json's text with the setting's properties generated; undefined when it has no such setting. */
export function withRulesSetting(packageJson: string, catalogue: readonly CodeMeta[]): string | undefined {
  const manifest = JSON.parse(packageJson) as Json;
  const setting = objectAt(manifest, 'contributes', 'configuration', 'properties', RULES_SETTING);
  if (!setting) return undefined;
  setting.properties = rulesSettingProperties(catalogue);
  // A code that does not exist is a typo: the editor marks it.
  setting.additionalProperties = false;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
