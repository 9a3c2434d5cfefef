// The schema errors of a document, entry by entry: after an edit of a 10,000-entry manifest all
// but one entry are the very models of the previous version, so each entry is checked once by the
// validator compiled for `#/definitions/revocation` and its errors are kept on its model; only the
// rest of the document (small) goes through the whole-document validator each time. What each
// entry of the list gave is carried to the next check, so a keystroke looks at the edited entry
// alone. The result must always equal what the whole-document validator reports, in the same
// order (a property test holds it to that): schemaFindings groups errors by path in the order
// they come.
import validateManifest, { type SchemaError } from '../../generated/validateManifest';
import validateRevocation from '../../generated/validateRevocation';
import type { EntryModel } from '../../manifest/manifestModel';
import type { DocumentData } from './documentData';
import { firstAtOrAfter } from '../../text/binarySearch';
import { differingIndices } from '../replacedEntries';

const NO_ERRORS: readonly SchemaError[] = Object.freeze([]);

/**
 * Stands in for the entries while the rest is checked: one element, so `type: array` and
 * `minItems` see a list as long as they need, and one unknown key, so that its single error marks
 * where the whole-document validator would have put the entries' errors (ajv checks `items`
 * in the middle of `spec`, before `status`).
 */
const MARKER_KEY = '\u0000entries';
const MARKER_ENTRY: Readonly<Record<string, unknown>> = Object.freeze({
  kind: 'DNS',
  dns: 'entries.invalid',
  [MARKER_KEY]: true,
});
const MARKER_PATH = '/spec/revocations/0';

/** The errors of the whole document, as `validateManifest` alone would report them. */
export function schemaErrors(data: DocumentData): readonly SchemaError[] {
  const parts = schemaErrorParts(data);
  if (!parts) return whole(data.value);
  const combined = [...parts.before];
  for (const index of parts.withErrors) for (const error of parts.entries[index]) combined.push(atEntry(error, index));
  combined.push(...parts.after);
  return combined;
}

/**
 * The same errors in three parts: those ajv reports before the entries, each entry's own (paths
 * relative to the entry; the very array kept on the entry's model while it is unchanged), and
 * those after. Undefined when the document is not shaped for it (then the whole validator decides).
 */
export interface SchemaErrorParts {
  before: readonly SchemaError[];
  entries: readonly (readonly SchemaError[])[];
  /** The positions of the entries with errors, ascending: what is worth visiting in a list of 100,000. */
  withErrors: readonly number[];
  after: readonly SchemaError[];
}

export function schemaErrorParts(data: DocumentData): SchemaErrorParts | undefined {
  return data.entries && data.entries.length > 0 ? byEntry(data.value, data.entries) : undefined;
}

function whole(value: unknown): readonly SchemaError[] {
  return validateManifest(value) ? NO_ERRORS : (validateManifest.errors ?? NO_ERRORS);
}

/** An entry's error with its path in the document. */
export function atEntry(error: SchemaError, index: number): SchemaError {
  return { ...error, instancePath: `/spec/revocations/${index}${error.instancePath}` };
}

function byEntry(value: unknown, entries: readonly EntryModel[]): SchemaErrorParts | undefined {
  const spec = (value as { spec?: unknown } | null)?.spec;
  if (typeof spec !== 'object' || spec === null) return undefined;
  const rest = {
    ...(value as Record<string, unknown>),
    spec: { ...(spec as Record<string, unknown>), revocations: [MARKER_ENTRY] },
  };
  const restErrors = validateManifest(rest) ? NO_ERRORS : (validateManifest.errors ?? NO_ERRORS);
  const marker = restErrors.filter(isMarker);
  if (marker.length !== 1) return undefined;
  const at = restErrors.indexOf(marker[0]);
  const perEntry = errorsOfEntries(entries);
  if (!perEntry) return undefined;
  return {
    before: restErrors.slice(0, at),
    entries: perEntry.errors,
    withErrors: perEntry.withErrors,
    after: restErrors.slice(at + 1),
  };
}

/** Each entry's errors as gathered at the last check of the same list of entry models (documentData.ts carries it). */
interface EntriesErrors {
  models: EntryModel[];
  errors: (readonly SchemaError[])[];
  withErrors: number[];
}

const carried = new WeakMap<readonly EntryModel[], EntriesErrors>();

/**
 * The errors of every entry, brought up to date from the last check of `entries` (the list
 * documentData.ts carries from one version to the next, replacing the edited entries in it):
 * only replaced entries are looked at. Undefined when an entry has no plain data to check.
 */
function errorsOfEntries(entries: readonly EntryModel[]): EntriesErrors | undefined {
  const known = carried.get(entries);
  if (known && known.models.length === entries.length) {
    const replaced = differingIndices(known.models, entries);
    if (replaced) {
      for (const i of replaced) {
        const errors = entryErrors(entries[i]);
        if (errors === undefined) {
          carried.delete(entries);
          return undefined;
        }
        known.models[i] = entries[i];
        known.errors[i] = errors;
        const at = firstAtOrAfter(known.withErrors, i);
        const listed = known.withErrors[at] === i;
        if (listed && errors.length === 0) known.withErrors.splice(at, 1);
        else if (!listed && errors.length > 0) known.withErrors.splice(at, 0, i);
      }
      return known;
    }
  }
  const fresh: EntriesErrors = { models: entries.slice(), errors: [], withErrors: [] };
  for (let i = 0; i < entries.length; i++) {
    const errors = entryErrors(entries[i]);
    if (errors === undefined) {
      carried.delete(entries);
      return undefined;
    }
    fresh.errors.push(errors);
    if (errors.length > 0) fresh.withErrors.push(i);
  }
  carried.set(entries, fresh);
  return fresh;
}

function isMarker(error: SchemaError): boolean {
  return (
    error.instancePath === MARKER_PATH &&
    error.keyword === 'additionalProperties' &&
    error.params.additionalProperty === MARKER_KEY
  );
}

/** The entry's errors, relative to the entry; undefined when it has no plain data to check. */
function entryErrors(entry: EntryModel): readonly SchemaError[] | undefined {
  if (entry.schemaErrors !== undefined) return entry.schemaErrors;
  const data = entry.plainData;
  if (!data) return undefined;
  entry.schemaErrors = validateRevocation(data) ? NO_ERRORS : (validateRevocation.errors ?? []).map(asInDocumentSchema);
  return entry.schemaErrors;
}

/** The definition's own paths (`#/properties/kind`) as the whole schema names them (`#/definitions/revocation/properties/kind`). */
function asInDocumentSchema(error: SchemaError): SchemaError {
  return { ...error, schemaPath: `#/definitions/revocation${error.schemaPath.slice(1)}` };
}
