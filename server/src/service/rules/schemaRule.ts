// The record of the schema check (schemaRules.ts): its codes, severities and documentation. The
// check walks the file's manifests itself, so it runs as a file hook.
import type { Rule } from './ruleTypes';
import { schemaRules } from './schemaRules';

export const schemaRule: Rule = {
  name: schemaRules.name,
  meta: [
    {
      code: 'schema',
      severity: 'error',
      title: 'The structure does not match the RenewRevocation schema.',
      docs: [
        'The structure does not match the schema: a missing required field, a wrong type, a',
        'wrong `apiVersion` or top-level `kind`, an empty or non-list `revocations`, an entry that is not',
        'a mapping, an unknown or non-text `kind`, an empty or non-text `group`. A missing top-level',
        "field is reported on its parent's key (`spec`, `metadata`) or, at the top, on `kind`. Do what",
        'the message says: add the field, fix the value, or quote text that YAML reads as a number,',
        'boolean or date. An unknown kind close to a documented one (`DSN`) gets a quick fix.',
      ].join('\n'),
    },
    {
      code: 'empty-entry',
      severity: 'hint',
      title: 'An entry of `spec.revocations` with nothing in it.',
      docs: [
        'An entry of `spec.revocations` with nothing in it: a bare `-`. In the editor it is a hint,',
        'because that is what a list entry looks like while it is being typed; `lint` reports it as an',
        'error (the API server refuses the manifest), unless `--config` sets its severity. Write the',
        'entry (completion offers one per kind) or remove the `-`.',
      ].join('\n'),
    },
    {
      code: 'unknown-field',
      severity: 'warning',
      title: 'A key the schema does not know.',
      docs: [
        'A key the schema does not know, at the top level, in `spec` or in an entry',
        '(`metadata` accepts any key). The message suggests the nearest known key',
        '(`serialnumber:` → `serialNumber`, `notbefore:` → `notBefore`); the quick fix renames it.',
      ].join('\n'),
    },
  ],
  create: (context, report) => ({ file: () => schemaRules.check(context, report) }),
};
