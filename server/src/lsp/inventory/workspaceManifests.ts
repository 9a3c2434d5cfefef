// Which files of the inventory's scope hold a RenewRevocation manifest: find references on a
// certificate reads them (with the open documents) to list the entries that match it. Fed by the
// scanner, which reads every workspace YAML file for certificates anyway; only URIs are kept, so
// a file is read and parsed again only when references are asked for.
import { decodeText } from '../../service';

/** Cheap and loose: a file without this word holds no manifest; the parse decides for the others. */
const MANIFEST_KIND = 'RenewRevocation';

export class WorkspaceManifests {
  private readonly uris = new Set<string>();

  fileRead(uri: string, content: string | Uint8Array): void {
    const text = typeof content === 'string' ? content : decodeText(content);
    if (text.includes(MANIFEST_KIND)) this.uris.add(uri);
    else this.uris.delete(uri);
  }

  fileForgotten(uri: string): void {
    this.uris.delete(uri);
  }

  /** The URIs, sorted. */
  list(): string[] {
    return [...this.uris].sort();
  }
}
