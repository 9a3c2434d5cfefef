// The protocol this server adds to LSP, in one place that the server and the VS Code client both
// import (and any other client can read): method names, parameters and results. Type-only imports
// from the service, so a client bundle gets the names and nothing else.
import type { RevocationPreview } from '../service/match/preview';
import type { Range } from '../service/types';

/**
 * `renewRevocation/preview` (client → server request): what the manifest open at `uri` revokes
 * among the inventory's certificates. The result is the preview JSON of SPEC §6 (as the CLI's
 * `preview --format json` prints it) with a few fields for viewers beside it; null when the
 * document is not open (open it first) or is over `renewRevocation.maxFileSize`.
 */
export const PREVIEW_REQUEST = 'renewRevocation/preview';

export interface PreviewParams {
  textDocument: { uri: string };
}

export interface PreviewResult extends RevocationPreview {
  /** The manifest the preview is of. */
  uri: string;
  /** The document version the preview read. */
  documentVersion: number;
  /** The inventory version it was matched against. */
  inventoryVersion: number;
  /** True while the inventory is still being built: the preview will change when it is done. */
  scanning: boolean;
  /** Parallel to `entries`: the 1-based line of each entry (its `-` line) and the range of its value (or kind). */
  entryLocations: PreviewEntryLocation[];
}

export interface PreviewEntryLocation {
  line: number;
  anchor: Range;
}

/**
 * `renewRevocation/inventoryChanged` (server → client notification): the inventory has a new
 * version (after a scan, or a certificate file changed). Viewers of a preview ask again.
 */
export const INVENTORY_CHANGED_NOTIFICATION = 'renewRevocation/inventoryChanged';

export interface InventoryChangedParams {
  version: number;
  /** Distinct certificates in the inventory. */
  certificates: number;
  scanning: boolean;
}

/**
 * Whether the workspace is trusted: `initializationOptions.workspaceTrusted` at start (a client
 * that says nothing is taken as trusting its user), then `renewRevocation/workspaceTrust`
 * (client → server notification) when it changes. Only a trusted workspace reads the folders of
 * `renewRevocation.certificatePaths`.
 */
export const WORKSPACE_TRUST_NOTIFICATION = 'renewRevocation/workspaceTrust';

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/** The command the "Preview revocation" code lenses run: arguments `[uri]` or `[uri, {document, index}]` (the entry to show). */
export const PREVIEW_COMMAND = 'renewRevocation.previewRevocation';

/**
 * `renewRevocation/decode` (client → server request): the readable full decode of a certificate
 * file, for the "Decode Certificate File" view. The client reads the file (binary DER included)
 * and sends its bytes as base64, so the server needs no file access for it. Keys decode to their
 * type only, never their material.
 */
export const DECODE_REQUEST = 'renewRevocation/decode';

export interface DecodeParams {
  /** The file's URI, for the heading of the view. */
  uri: string;
  /** The file's bytes, base64. */
  base64: string;
}

export interface DecodeResult {
  text: string;
}
