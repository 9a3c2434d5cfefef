// Every rule family, in the order their findings are reported. Adding a family: write its module
// (code, severity, message and fix next to the check) and list it here.
import type { RuleFamily } from './ruleTypes';
import { syntaxRules } from './syntaxRules';

export const RULE_FAMILIES: readonly RuleFamily[] = [syntaxRules];
