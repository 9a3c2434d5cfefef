// `new --into MANIFEST [--item N]`: which RenewRevocation manifest of the file gets the entries.
// A file with one manifest needs no --item; a file with several (documents, or items of a List)
// needs it, and the error lists them so the user can pick.
import { type FileModel, type ManifestPlace, manifestPlaceAt, placeName } from '../../service';
import { NothingToCheckError, UsageError } from '../errors';

type Manifest = FileModel['manifests'][number];

/** `2: kube-system/revoke-nodes (List item 1, line 12)` */
function describe(file: FileModel, manifest: Manifest, place: ManifestPlace | undefined): string {
  const line = file.lineIndex.positionAt(manifest.root.range?.[0] ?? manifest.document.start).line + 1;
  const where = manifest.item === undefined ? `line ${line}` : `List item ${manifest.item + 1}, line ${line}`;
  return `${manifest.manifestIndex + 1}: ${place ? placeName(place) : '(no name)'} (${where})`;
}

export function chooseManifest(file: FileModel, path: string, item: string | undefined): Manifest {
  const manifests = file.manifests;
  if (manifests.length === 0)
    throw new NothingToCheckError(
      `'${path}' holds no RenewRevocation manifest (a YAML document with kind: RenewRevocation, or a List of them)`,
      path,
    );
  const list = () =>
    manifests
      .map((manifest) =>
        describe(file, manifest, manifestPlaceAt(file, file.lineIndex.positionAt(manifest.root.range?.[0] ?? 0))),
      )
      .join('; ');
  if (item === undefined) {
    if (manifests.length === 1) return manifests[0];
    throw new UsageError(`'${path}' holds ${manifests.length} manifests: choose one with --item N (${list()})`);
  }
  const position = /^[1-9]\d*$/.test(item) ? Number(item) : NaN;
  if (!Number.isSafeInteger(position) || position > manifests.length)
    throw new UsageError(
      `--item expects a number from 1 to ${manifests.length} (the manifests of '${path}': ${list()}); found '${item}'`,
    );
  return manifests[position - 1];
}
