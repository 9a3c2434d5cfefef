// The requests and notifications this server adds to LSP: method names, parameters and results,
// read by the server, the VS Code client and any other client. Type-only imports from the
// service, so a client bundle gets the names and nothing else.
import type { PreviewCertificate, Range, RevocationPreview } from '../service';

/**
 * `renewRevocation/preview` (client → server request): what the manifest open at `uri` revokes
 * among the inventory's certificates. The result is the preview JSON (as the CLI's
 * `preview --format json` prints it; the README's command-line section describes it) with a few
 * fields for viewers beside it; null when the document is not open (open it first) or is over
 * `renewRevocation.maxFileSize`.
 *
 * One difference from the CLI's JSON: `kept` is one page of the kept certificates, not all of
 * them (an inventory of 100,000 certificates would otherwise mean 65 MiB of JSON per answer).
 * `entries`, `revoked` and `notRevocable` are always whole; `keptTotal` counts every kept
 * certificate, so `revoked.length + notRevocable.length + keptTotal === certificatesScanned`.
 * Ask for the next page with `kept: { offset, limit }`; ask for every kept certificate (an
 * export) with `kept: EVERY_KEPT`. The server keeps the computed preview per document version
 * and inventory version: the pages of one version cost no new matching, and read alike.
 */
export const PREVIEW_REQUEST = 'renewRevocation/preview';

export interface PreviewParams {
  textDocument: { uri: string };
  /**
   * The page of `kept` to send, in inventory order; without it the first
   * `DEFAULT_KEPT_PAGE_SIZE`. `offset` and `limit` are whole numbers ≥ 0 (anything else is
   * answered with an InvalidParams error); a page past the end holds what is left (or nothing).
   */
  kept?: KeptPage;
}

export interface KeptPage {
  offset: number;
  limit: number;
}

/** The kept certificates an answer holds when the request names no page. */
export const DEFAULT_KEPT_PAGE_SIZE = 200;

/** Every kept certificate (a limit past the end is cut to the end): what an export asks for. */
export const EVERY_KEPT: KeptPage = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

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
  /** One page of the kept certificates (`params.kept`, else the first `DEFAULT_KEPT_PAGE_SIZE`), in inventory order. */
  kept: PreviewCertificate[];
  /** Every kept certificate, counted: `kept` holds the page of them asked for. */
  keptTotal: number;
  /** The position of `kept[0]` among them (the page's `offset`, as asked). */
  keptOffset: number;
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
 * `renewRevocation/inventoryStatus` (client → server request, no parameters): the inventory as
 * last published, in the shape of `renewRevocation/inventoryChanged`. A client that starts (or
 * restarts) the server asks once, then follows the notifications: its status bar shows the count
 * from the first moment, not only after the first scan.
 */
export const INVENTORY_STATUS_REQUEST = 'renewRevocation/inventoryStatus';

export type InventoryStatus = InventoryChangedParams;

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
  /**
   * Certificate, request and key blocks found in the file (decodable or not); 0 when it holds
   * none; absent when the file was not read (over `renewRevocation.maxFileSize`).
   */
  blocks?: number;
}
