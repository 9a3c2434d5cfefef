// The revocation preview over the protocol, a page of `kept` at a time (protocol/requests.ts): the
// preview of a document version against an inventory version is computed once and kept, so that
// a viewer's "show more" (or an export asking for every kept certificate) costs a slice, not a
// new match; the answer carries the whole `entries`, `revoked` and `notRevocable` (what a user
// must see) and one page of `kept` (what nobody reads 100,000 rows of at once).
import type { RevocationPreview } from '../service';
import {
  DEFAULT_KEPT_PAGE_SIZE,
  type KeptPage,
  type PreviewEntryLocation,
  type PreviewParams,
  type PreviewResult,
} from '../protocol';

/** The parameter `kept` of a request, or what is wrong with it (in words for the client's log). */
export function readKeptPage(params: Partial<PreviewParams> | null | undefined): KeptPage | { error: string } {
  const kept: unknown = params?.kept;
  if (kept === undefined || kept === null) return { offset: 0, limit: DEFAULT_KEPT_PAGE_SIZE };
  if (typeof kept !== 'object' || Array.isArray(kept))
    return { error: `kept must be an object { offset, limit }; got ${describe(kept)}` };
  const { offset, limit } = kept as Record<string, unknown>;
  for (const [name, value] of [
    ['offset', offset],
    ['limit', limit],
  ] as const) {
    if (!isCount(value)) return { error: `kept.${name} must be a whole number ≥ 0; got ${describe(value)}` };
  }
  return { offset: offset as number, limit: limit as number };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text === undefined ? typeof value : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What is computed once per document version and inventory version. */
export interface ComputedPreview {
  preview: RevocationPreview;
  entryLocations: PreviewEntryLocation[];
}

export interface PreviewCache {
  /** The preview of `uri` at these versions: the one kept, else `compute()` (kept in its place). */
  get(uri: string, documentVersion: number, inventoryVersion: number, compute: () => ComputedPreview): ComputedPreview;
  /** The document closed: its preview goes. */
  delete(uri: string): void;
}

/** One preview per document (the latest asked for): a new version replaces it. */
export function createPreviewCache(): PreviewCache {
  const previews = new Map<string, { documentVersion: number; inventoryVersion: number; computed: ComputedPreview }>();
  return {
    get(uri, documentVersion, inventoryVersion, compute) {
      const cached = previews.get(uri);
      if (cached && cached.documentVersion === documentVersion && cached.inventoryVersion === inventoryVersion)
        return cached.computed;
      const computed = compute();
      previews.set(uri, { documentVersion, inventoryVersion, computed });
      return computed;
    },
    delete(uri) {
      previews.delete(uri);
    },
  };
}

/** The fields of the answer that say what it is of. */
export interface PreviewSubject {
  uri: string;
  documentVersion: number;
  inventoryVersion: number;
  scanning: boolean;
}

/** The answer: the computed preview with one page of `kept`, and the viewer's fields. */
export function previewAnswer(computed: ComputedPreview, page: KeptPage, subject: PreviewSubject): PreviewResult {
  const { preview, entryLocations } = computed;
  return {
    ...preview,
    kept: preview.kept.slice(page.offset, page.offset + page.limit),
    ...subject,
    entryLocations,
    keptTotal: preview.kept.length,
    keptOffset: page.offset,
  };
}
