// The one walk over a file that runs every rule: each rule's `file` hook, then per manifest its
// `manifest` hook and, per entry, every `entry` hook. Findings come back grouped by rule, in the
// order the rules are listed (within a rule, in the order it reported them): validation sorts by
// position, and this order decides between findings on the same range.
import type { FileModel } from '../parse/fileModel';
import type { ServiceSettings } from '../settings';
import { flatFinding } from './flatFinding';
import type { Finding, Rule, RuleVisitor } from './ruleTypes';

type EntryHook = NonNullable<RuleVisitor['entry']>;
type ManifestHook = NonNullable<RuleVisitor['manifest']>;

export function runRules(file: FileModel, now: Date, rules: readonly Rule[], settings: ServiceSettings): Finding[] {
  const context = { file, now, settings };
  const byRule: Finding[][] = [];
  const manifestHooks: ManifestHook[] = [];
  const entryHooks: EntryHook[] = [];
  for (const rule of rules) {
    const found: Finding[] = [];
    byRule.push(found);
    const visitor = rule.create(context, (finding) => found.push(flatFinding(finding)));
    visitor.file?.();
    if (visitor.manifest) manifestHooks.push(visitor.manifest);
    if (visitor.entry) entryHooks.push(visitor.entry);
  }
  if (manifestHooks.length > 0 || entryHooks.length > 0) {
    for (const manifest of file.manifests) {
      for (const hook of manifestHooks) hook(manifest);
      if (entryHooks.length === 0) continue;
      for (const entry of manifest.entries) {
        for (const hook of entryHooks) hook(entry, manifest);
      }
    }
  }
  return byRule.length === 1 ? byRule[0] : byRule.flat();
}
