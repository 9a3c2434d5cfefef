// kind-case: an entry kind written in another case than the documented spelling (`dns`,
// `SerialNumber`, `group`). The schema accepts it (so other YAML tools stay quiet); we say so once,
// with the documented spelling one click away.
import type { Rule } from './ruleTypes';
import { rewriteScalar } from './scalarEdit';

export const kindRule: Rule = {
  name: 'kind',
  meta: [
    {
      code: 'kind-case',
      severity: 'warning',
      title: 'An entry kind matches a documented spelling only case-insensitively.',
      docs: [
        '`kind` matches a documented spelling only when case is ignored (`dns`,',
        '`SerialNumber`, `group`). The cluster may not accept it. The preferred quick fix writes the',
        'documented spelling (`serialnumber`, `Group`, `DNS`, `IP`), keeping the quotes.',
      ].join('\n'),
    },
  ],
  create: ({ file }, report) => ({
    entry(entry) {
      const field = entry.kindField;
      if (!field || !entry.kind || typeof field.value !== 'string' || field.value === entry.kind) return;
      const edit = rewriteScalar(file.text, field.valueStart, field.valueEnd, entry.kind);
      report({
        code: 'kind-case',
        start: field.valueStart,
        end: field.valueEnd,
        message: `Kind \`${field.value}\` matches \`${entry.kind}\` only when case is ignored: write the documented spelling \`${entry.kind}\``,
        fixes: edit ? [{ title: `Change kind to \`${entry.kind}\``, edits: [edit], isPreferred: true }] : [],
      });
    },
  }),
};
