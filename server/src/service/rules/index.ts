// Every built-in rule, in the order their findings are reported (validation sorts findings by
// position; on the same range, this order decides). Each rule is one record (ruleTypes.ts): its
// codes with their severity, title and documentation, and the hooks that check and fix. Adding a
// rule: write its record, list it here, and run `npm run generate:rules` (codes.ts and the
// README's Diagnostics section are generated from the records; a test fails when they are stale).
import type { Rule } from './ruleTypes';
import { syntaxRule } from './syntaxRules';
import { schemaRule } from './schemaRule';
import { kindRule } from './kindRules';
import { fieldKindRule } from './fieldKindRules';
import { serialRule } from './serialRules';
import { notBeforeRule } from './notBeforeRules';
import { breadthRule } from './breadthRules';
import { dnsRule } from './dnsRules';
import { ipRule } from './ipRules';
import { duplicateRule } from './duplicateRules';
import { certificateRule } from './certificateRules';
import { placeholderRule } from './placeholderRules';

export const RULES: readonly Rule[] = [
  syntaxRule,
  schemaRule,
  kindRule,
  fieldKindRule,
  placeholderRule,
  serialRule,
  notBeforeRule,
  dnsRule,
  ipRule,
  breadthRule,
  duplicateRule,
  certificateRule,
];
