// Go to definition on an entry's value: the certificates of the inventory the entry matches (the
// ones it revokes and the ones it cannot), at each place each was found. One entry, found by
// binary search and matched on its own.
import { matchEntry } from '../../match/matcher';
import { matchIndexFor } from '../../match/matchIndex';
import type { FileModel } from '../../parse/fileModel';
import type { Position } from '../../types';
import { entryAtOffset } from '../entriesInRange';
import type { InventoryContext } from '../inventoryContext';
import { placesOf, type CertificatePlace } from './certificatePlaces';

/** The places of the certificates the entry under the position matches; [] off an entry's value. */
export function findEntryDefinition(
  file: FileModel,
  position: Position,
  inventory: InventoryContext | undefined,
): CertificatePlace[] {
  if (!inventory || inventory.snapshot.certificates.length === 0) return [];
  const offset = file.lineIndex.offsetAt(position);
  const placed = entryAtOffset(file, offset);
  const field = placed?.entry.valueField;
  if (!placed || !field || offset < field.valueStart || offset > field.valueEnd) return [];
  const index = matchIndexFor(inventory.snapshot);
  const match = matchEntry(index, placed.manifest, placed.entry);
  const places: CertificatePlace[] = [];
  for (const ordinal of match.matches) places.push(...placesOf(index.certificates[ordinal]));
  return places;
}
