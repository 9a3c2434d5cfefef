// Whether a YAML text holds a RenewRevocation manifest, for the editor's `when` clauses (the
// Preview Revocation button). The same test as the service's (a top-level `kind: RenewRevocation`
// or an `apiVersion` of certificates.microsoft.com/…, in any document of the file, or a List of
// them), made on the text so that the client needs no YAML parser: top-level keys start at column
// 0, and the items of a List as kubectl prints it at `- ` (their keys sorted: `apiVersion` first).
const TOP_LEVEL_KIND = /^kind:[ \t]*(["']?)RenewRevocation(List)?\1[ \t]*(#.*)?$/m;
const TOP_LEVEL_API_VERSION = /^(- )?apiVersion:[ \t]*["']?certificates\.microsoft\.com\//m;
const LIST_KIND = /^kind:[ \t]*(["']?)List\1[ \t]*(#.*)?$/m;
const ITEM_KIND = /^(- | {2})kind:[ \t]*(["']?)RenewRevocation\2[ \t]*(#.*)?$/m;

export function isManifestText(text: string): boolean {
  return (
    TOP_LEVEL_KIND.test(text) || TOP_LEVEL_API_VERSION.test(text) || (LIST_KIND.test(text) && ITEM_KIND.test(text))
  );
}
