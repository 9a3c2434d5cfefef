// Every code the product reports, with its record's severity, title and documentation, in the
// order users read them (the README's Diagnostics section, codes.ts, SARIF's rule list). The
// engine runs rules in another order (rules/index.ts); this one groups codes by what they are
// about. scripts/generate-rules.mjs writes codes.ts and the README from it.
import { INVENTORY_META } from '../match/inventoryRules';
import { breadthRule } from '../rules/breadthRules';
import { certificateRule } from '../rules/certificateRules';
import { dnsRule } from '../rules/dnsRules';
import { duplicateRule } from '../rules/duplicateRules';
import { fieldKindRule } from '../rules/fieldKindRules';
import { fileTooLargeRule } from '../rules/fileTooLargeRule';
import { ipRule } from '../rules/ipRules';
import { kindRule } from '../rules/kindRules';
import { notBeforeRule } from '../rules/notBeforeRules';
import { placeholderRule } from '../rules/placeholderRules';
import type { CodeMeta } from '../rules/ruleTypes';
import { schemaRule } from '../rules/schemaRule';
import { serialRule } from '../rules/serialRules';
import { syntaxRule } from '../rules/syntaxRules';

export const RULE_CATALOGUE: readonly CodeMeta[] = [
  ...syntaxRule.meta,
  ...schemaRule.meta,
  ...kindRule.meta,
  ...fieldKindRule.meta,
  ...placeholderRule.meta,
  ...serialRule.meta,
  ...notBeforeRule.meta,
  ...breadthRule.meta,
  ...dnsRule.meta,
  ...ipRule.meta,
  ...duplicateRule.meta,
  ...INVENTORY_META,
  ...certificateRule.meta,
  ...fileTooLargeRule.meta,
];
