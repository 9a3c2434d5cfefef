// The preview JSON of the README, "Command line" (`certificatesScanned`, `entries`, `revoked`, `notRevocable`,
// `kept`; certificates with their `sources`, `locations` and the `entries` that hit them), with
// `notes` (the inventory-only reach) and `problems` (files that could not be read) beside it: what
// `renew-revocation preview --format json` prints and the webview exports. Fields a viewer adds
// to its copy of the preview are left out.
import type { RevocationPreview } from '../match/preview';

export function formatPreviewJson(preview: RevocationPreview): string {
  const { certificatesScanned, entries, revoked, notRevocable, kept, notes, problems } = preview;
  return `${JSON.stringify({ certificatesScanned, entries, revoked, notRevocable, kept, notes, problems }, null, 2)}\n`;
}
