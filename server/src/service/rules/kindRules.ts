// kind-case: an entry kind written in another case than the documented spelling (`dns`,
// `SerialNumber`, `group`). The schema accepts it (so other YAML tools stay quiet); we say so once,
// with the documented spelling one click away.
import type { RuleFamily } from './ruleTypes';
import { rewriteScalar } from './scalarEdit';

export const kindRules: RuleFamily = {
  name: 'kind',
  codes: ['kind-case'],
  check({ file }, report) {
    for (const manifest of file.manifests) {
      for (const entry of manifest.entries) {
        const field = entry.kindField;
        if (!field || !entry.kind || typeof field.value !== 'string' || field.value === entry.kind) continue;
        const edit = rewriteScalar(file.text, field.valueStart, field.valueEnd, entry.kind);
        report({
          code: 'kind-case',
          start: field.valueStart,
          end: field.valueEnd,
          message: `Kind \`${field.value}\` matches \`${entry.kind}\` only when case is ignored: write the documented spelling \`${entry.kind}\``,
          fixes: edit ? [{ title: `Change kind to \`${entry.kind}\``, edits: [edit], isPreferred: true }] : [],
        });
      }
    }
  },
};
