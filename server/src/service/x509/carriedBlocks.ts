// The certificate scan reads the whole text (PEM armor anywhere, base64 data in any YAML value):
// 120 ms for a 100,000-entry manifest, on every keystroke. After an edit that re-parsed one entry
// (parse/incremental.ts) the previous version's blocks are carried over instead, moved with the
// text after the entry, when neither the entry's old text nor its new one holds anything the scan
// looks for and no block reaches into it: then the scan of the new text finds exactly those blocks.
import type { FileModel, SplicedSpan } from '../manifest/manifestModel';
import { CERTIFICATE_DATA_KEYS } from './findCertificates';

/** The least that starts any block: PEM armor, base64 of PEM or of DER, a certificate data key. */
// A backslash: a quoted key or value with escapes may read as any of them.
const MARKERS: readonly string[] = ['-----', 'LS0tLS1CRUdJT', 'MII', '\\', ...CERTIFICATE_DATA_KEYS];

function mentionsBlocks(text: string): boolean {
  return MARKERS.some((marker) => text.includes(marker));
}

interface Placed {
  block: { start: number; end: number; selectionEnd: number };
}

/**
 * The blocks of `model` from those of the version before its splice; undefined when they must be
 * scanned again (no splice, nothing kept, or the span may hold or cut a block).
 */
export function carriedBlocks<T extends Placed>(model: FileModel, key: string): T[] | undefined {
  const splice: SplicedSpan | undefined = model.splice;
  const before = splice?.previousCache.get(key) as T[] | undefined;
  if (!splice || !before) return undefined;
  if (mentionsBlocks(splice.removed) || mentionsBlocks(splice.inserted)) return undefined;
  const removedEnd = splice.start + splice.removed.length;
  if (before.some(({ block }) => block.end >= splice.start && block.start <= removedEnd)) return undefined;
  if (splice.delta === 0) return before;
  return before.map((located) => {
    const { block } = located;
    if (block.start < removedEnd) return located;
    const moved = {
      ...block,
      start: block.start + splice.delta,
      end: block.end + splice.delta,
      selectionEnd: block.selectionEnd + splice.delta,
    };
    return { ...located, block: moved };
  });
}
