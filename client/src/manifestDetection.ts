// Whether a YAML text holds a RenewRevocation manifest, for the editor's `when` clauses (the
// Preview Revocation button). The same test as the service's (a top-level `kind: RenewRevocation`
// or an `apiVersion` of certificates.microsoft.com/…, in any document of the file), made on the
// text so that the client needs no YAML parser: top-level keys start at column 0.
const TOP_LEVEL_KIND = /^kind:[ \t]*(["']?)RenewRevocation\1[ \t]*(#.*)?$/m;
const TOP_LEVEL_API_VERSION = /^apiVersion:[ \t]*["']?certificates\.microsoft\.com\//m;

export function isManifestText(text: string): boolean {
  return TOP_LEVEL_KIND.test(text) || TOP_LEVEL_API_VERSION.test(text);
}
