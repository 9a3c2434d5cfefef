// What-if notBefore, for the preview's timeline: every certificate an entry's value matches
// whatever its notBefore (each placed by its own notBefore), so that a viewer can show which
// would be revoked and which kept at any other instant; and the edit that writes a chosen instant
// into the entry as its notBefore (the timeline's Apply). A certificate is revoked when its own
// notBefore is strictly earlier than the entry's (docs/MATCHING.md).
import type { EntryKind, EntryModel } from '../manifest/manifestModel';
import { readEntryTarget } from '../match/entryTarget';
import { keyMatch } from '../match/matcher';
import { certificateTime, matchIndexFor } from '../match/matchIndex';
import type { PreviewEntryRef } from '../match/preview';
import type { FileModel } from '../parse/fileModel';
import { addFieldEdit } from '../rules/entryEdits';
import type { OffsetEdit } from '../rules/ruleTypes';
import type { TextEdit } from '../types';
import { formatIsoUtc, parseRfc3339 } from '../values/time';
import type { InventoryContext } from './inventoryContext';

export interface TimelineCertificate {
  sha256Fingerprint: string;
  subject: string;
  serialNumber: string;
  /** The certificate's own notBefore, ISO 8601 UTC, and in epoch milliseconds. */
  notBefore: string;
  notBeforeMs: number;
  isCA: boolean;
  /** A kubelet serving certificate: matched, never revoked. */
  notRevocable: boolean;
}

export interface NotBeforeTimeline extends PreviewEntryRef {
  kind: EntryKind;
  /** The value field as written. */
  value: string;
  /** The entry's notBefore as written, and the instant matching uses (epoch ms); null without one. */
  notBefore: string | null;
  notBeforeMs: number | null;
  /** Every certificate the value matches whatever the notBefore, by their own notBefore (then inventory order). */
  certificates: TimelineCertificate[];
}

export type TimelineAnswer = { ok: true; timeline: NotBeforeTimeline } | { ok: false; reason: string };

function entryAt(file: FileModel, ref: PreviewEntryRef): EntryModel | undefined {
  return file.manifests[ref.document]?.entries[ref.index];
}

const NO_ENTRY = 'the manifest has no such entry any more (it was edited): open the timeline again';

export function notBeforeTimeline(
  file: FileModel,
  ref: PreviewEntryRef,
  inventory: InventoryContext | undefined,
): TimelineAnswer {
  const entry = entryAt(file, ref);
  if (!entry) return { ok: false, reason: NO_ENTRY };
  const target = readEntryTarget(entry);
  if (!target.ok) return { ok: false, reason: `this entry matches nothing: ${target.reason}` };
  const certificates: TimelineCertificate[] = [];
  if (inventory && inventory.snapshot.certificates.length > 0) {
    const index = matchIndexFor(inventory.snapshot);
    for (const ordinal of keyMatch(index, { ...target, notBeforeCutoff: undefined }).matches) {
      const { certificate } = index.certificates[ordinal];
      certificates.push({
        sha256Fingerprint: certificate.sha256Fingerprint,
        subject: certificate.subject,
        serialNumber: certificate.serialNumber,
        notBefore: certificate.notBefore,
        notBeforeMs: certificateTime(certificate.notBefore),
        isCA: certificate.isCA,
        notRevocable: index.kubeletServing[ordinal] === 1,
      });
    }
  }
  // Stable: equal times keep the inventory order.
  certificates.sort((a, b) => a.notBeforeMs - b.notBeforeMs);
  const written = entry.notBefore?.source;
  return {
    ok: true,
    timeline: {
      document: ref.document,
      index: ref.index,
      kind: target.kind,
      value: String(entry.valueField?.value ?? ''),
      notBefore: target.notBeforeCutoff === undefined ? null : (written ?? null),
      notBeforeMs: target.notBeforeCutoff ?? null,
      certificates,
    },
  };
}

/** Where the value of `notBefore:` goes when the key has none: right after its colon. */
function afterColon(file: FileModel, keyEnd: number): number | undefined {
  const colon = file.text.indexOf(':', keyEnd);
  return colon < 0 ? undefined : colon + 1;
}

function offsetEdit(file: FileModel, entry: EntryModel, value: string): OffsetEdit | undefined {
  const field = entry.notBefore;
  if (!field) return addFieldEdit(file, entry, 'notBefore', value);
  if (field.node && field.valueEnd > field.valueStart)
    return { start: field.valueStart, end: field.valueEnd, newText: value };
  const at = afterColon(file, field.keyEnd);
  return at === undefined ? undefined : { start: at, end: at, newText: ` ${value}` };
}

export type NotBeforeEditAnswer = { ok: true; edit: TextEdit; notBefore: string } | { ok: false; reason: string };

/**
 * The one edit that makes `instant` the entry's notBefore: its value replaced, or the field added
 * after the entry's last line (in a flow mapping, before its `}`). Written as a quoted RFC 3339
 * UTC instant with whole seconds, as the README's examples write it.
 */
export function notBeforeEdit(file: FileModel, ref: PreviewEntryRef, instant: string): NotBeforeEditAnswer {
  const parsed = parseRfc3339(instant);
  if (!parsed.ok) return { ok: false, reason: `\`${instant}\` is not an RFC 3339 date-time: ${parsed.reason}` };
  const entry = entryAt(file, ref);
  if (!entry) return { ok: false, reason: NO_ENTRY };
  const notBefore = formatIsoUtc(parsed.epochMs);
  const edit = offsetEdit(file, entry, `"${notBefore}"`);
  if (!edit)
    return { ok: false, reason: 'the entry is not a mapping of fields: a notBefore cannot be written into it' };
  return { ok: true, notBefore, edit: { range: file.lineIndex.range(edit.start, edit.end), newText: edit.newText } };
}
