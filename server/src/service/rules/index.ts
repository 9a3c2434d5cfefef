// Every rule family, in the order their findings are reported. Adding a family: write its module
// (code, severity, message and fix next to the check) and list it here.
import type { RuleFamily } from './ruleTypes';
import { syntaxRules } from './syntaxRules';
import { schemaRules } from './schemaRules';
import { kindRules } from './kindRules';
import { fieldKindRules } from './fieldKindRules';
import { serialRules } from './serialRules';
import { notBeforeRules } from './notBeforeRules';
import { breadthRules } from './breadthRules';
import { dnsRules } from './dnsRules';
import { ipRules } from './ipRules';
import { duplicateRules } from './duplicateRules';
import { certificateRules } from './certificateRules';

export const RULE_FAMILIES: readonly RuleFamily[] = [syntaxRules, schemaRules, kindRules, fieldKindRules, serialRules, notBeforeRules, dnsRules, ipRules, breadthRules, duplicateRules, certificateRules];
