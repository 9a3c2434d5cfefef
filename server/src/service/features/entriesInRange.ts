// The entries of a file between two offsets, or at one, found by binary search over the manifests
// and then over each manifest's entries (both are in text order), so that a request about the
// visible lines of a 10,000-entry manifest reads those lines' entries and no others.
import type { EntryModel, FileModel, ManifestModel } from '../manifest/manifestModel';
import { lastStartingAtOrBefore } from '../text/binarySearch';

export interface PlacedEntry {
  manifest: ManifestModel;
  entry: EntryModel;
}

function manifestStart(manifest: ManifestModel): number {
  return manifest.root.range?.[0] ?? manifest.document.start;
}

/** Every entry whose text overlaps `[start, end]`, in file order. */
export function entriesBetween(file: FileModel, start: number, end: number): PlacedEntry[] {
  const found: PlacedEntry[] = [];
  const first = Math.max(0, lastStartingAtOrBefore(file.manifests, start, manifestStart));
  for (let m = first; m < file.manifests.length; m++) {
    const manifest = file.manifests[m];
    if (manifestStart(manifest) > end) break;
    const entries = manifest.entries;
    for (
      let e = Math.max(
        0,
        lastStartingAtOrBefore(entries, start, (entry) => entry.start),
      );
      e < entries.length;
      e++
    ) {
      const entry = entries[e];
      if (entry.start > end) break;
      if (entry.end >= start) found.push({ manifest, entry });
    }
  }
  return found;
}

/** The entry whose text holds the offset, if any. */
export function entryAtOffset(file: FileModel, offset: number): PlacedEntry | undefined {
  return entriesBetween(file, offset, offset).find(({ entry }) => entry.end > entry.start && offset <= entry.end);
}
