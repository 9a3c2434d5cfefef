// Which manifest something is about, in the words outputs use: `document` (the manifest's position
// among the file's manifests, each List item counting as one, as in the preview's entry
// references), `item` (its position in the List's `items`, null for a manifest of its own) and its
// `metadata.name` and `metadata.namespace` as written (null when missing or not text).
import { isMap, isScalar, type Node } from 'yaml';
import { manifestAt, type FileModel } from './fileModel';
import { lastStartingAtOrBefore } from '../text/binarySearch';
import type { Position } from '../types';
import type { ManifestModel } from '../manifest/manifestModel';

export interface ManifestPlace {
  document: number;
  item: number | null;
  name: string | null;
  namespace: string | null;
}

function metadataString(root: Node, key: string): string | null {
  const metadata = isMap(root)
    ? root.items.find((pair) => isScalar(pair.key) && pair.key.value === 'metadata')?.value
    : undefined;
  const value = isMap(metadata)
    ? metadata.items.find((pair) => isScalar(pair.key) && pair.key.value === key)?.value
    : undefined;
  return isScalar(value) && typeof value.value === 'string' ? value.value : null;
}

/** One per manifest model, shared by every finding about it (a manifest may have 10,000). Read only. */
const places = new WeakMap<ManifestModel, ManifestPlace>();

export function manifestPlace(manifest: ManifestModel): ManifestPlace {
  let place = places.get(manifest);
  if (!place) {
    place = {
      document: manifest.manifestIndex,
      item: manifest.item ?? null,
      name: metadataString(manifest.root, 'name'),
      namespace: metadataString(manifest.root, 'namespace'),
    };
    places.set(manifest, place);
  }
  return place;
}

/** The manifest whose text holds the position (a List's own lines belong to none of its items). */
export function manifestPlaceAt(file: FileModel, position: Position): ManifestPlace | undefined {
  const offset = file.lineIndex.offsetAt(position);
  const document =
    file.documents[
      Math.max(
        0,
        lastStartingAtOrBefore(file.documents, offset, (doc) => doc.start),
      )
    ];
  const manifest = document && manifestAt(document, offset);
  return manifest && manifestPlace(manifest);
}

/** `kube-system/revoke-nodes`, as kubectl names an object; `revoke-nodes` without a namespace; `(no name)`. */
export function placeName(place: ManifestPlace): string {
  const name = place.name ?? '(no name)';
  return place.namespace === null ? name : `${place.namespace}/${name}`;
}
