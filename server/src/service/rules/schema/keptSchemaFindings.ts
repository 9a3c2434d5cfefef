// The schema's findings of a manifest checked entry by entry (entryValidation.ts): what ajv says
// before the entries, each entry's own, what it says after them, in the order schemaFindings
// gives for all the errors at once (it groups errors by path, in the order paths first appear).
// An entry's findings depend on that entry alone: they are kept, keyed by its model, while its
// errors are the very array kept on it and its position is the same, their offsets moved with it.
import type { SchemaError } from '../../generated/validateManifest';
import type { EntryModel } from '../../manifest/manifestModel';
import { settleEntry } from '../../parse/staleEntries';
import type { Finding } from '../ruleTypes';
import { atEntry, type SchemaErrorParts } from './entryValidation';
import { schemaFindings, type SchemaSource } from './schemaFindings';

interface Kept {
  errors: readonly SchemaError[];
  index: number;
  start: number;
  findings: Finding[];
}

const kept = new WeakMap<EntryModel, Kept>();

export function findingsByParts(
  parts: SchemaErrorParts,
  entries: readonly EntryModel[],
  source: SchemaSource,
): Finding[] {
  // A path reported both before and after the entries is one group, where it first appears.
  const before = new Set(parts.before.map((error) => error.instancePath));
  const findings = schemaFindings(
    [...parts.before, ...parts.after.filter((error) => before.has(error.instancePath))],
    source,
  );
  for (const index of parts.withErrors)
    for (const finding of entryFindings(entries[index], parts.entries[index], index, source)) findings.push(finding);
  for (const finding of schemaFindings(
    parts.after.filter((error) => !before.has(error.instancePath)),
    source,
  ))
    findings.push(finding);
  return findings;
}

function entryFindings(
  entry: EntryModel,
  errors: readonly SchemaError[],
  index: number,
  source: SchemaSource,
): Finding[] {
  const known = kept.get(entry);
  if (known && known.errors === errors && known.index === index) {
    const delta = entry.start - known.start;
    if (delta !== 0) for (const finding of known.findings) move(finding, delta);
    known.start = entry.start;
    return known.findings;
  }
  // Placed afresh from its nodes, which a splice may have left behind.
  settleEntry(entry);
  const findings = schemaFindings(
    errors.map((error) => atEntry(error, index)),
    source,
  );
  kept.set(entry, { errors, index, start: entry.start, findings });
  return findings;
}

/** An entry's finding lies inside the entry: it moves as the entry does. */
function move(finding: Finding, delta: number): void {
  finding.start += delta;
  finding.end += delta;
  for (const fix of finding.fixes ?? [])
    for (const edit of fix.edits) {
      edit.start += delta;
      edit.end += delta;
    }
}
