// The language service: plain functions over a parsed model, with everything from outside (the
// clock, the settings, the homepage) handed in. No editor, no protocol, no file system, no timers.
import { parseFile, type FileModel } from './parse/fileModel';
import { updateFile, type TextChange } from './parse/incremental';
import { getCodeActions } from './features/codeActions';
import { doComplete, type CompletionResult } from './features/completion';
import { findDocumentSymbols } from './features/documentSymbols';
import { doHover } from './features/hover';
import { certificateHover } from './features/certificateHover';
import { findPemSymbols, getPemFoldingRanges } from './features/pemOutline';
import { decodeForView } from './x509/decodedView';
import { checkFile, type ValidationOptions } from './features/validation';
import type { InventoryContext } from './features/inventoryContext';
import { entryLocations, getCodeLenses, inventoryRules, type EntryLocation } from './features/entryMatchFeatures';
import { previewRevocation, type RevocationPreview } from './match/preview';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import { getInlayHints, type InlayHint, type InlayHintStats } from './features/inlayHints';
import type { CertificatePlace } from './features/navigation/certificatePlaces';
import { findEntryDefinition } from './features/navigation/entryDefinition';
import {
  certificatesAt,
  findCertificateReferences,
  type EntryReference,
} from './features/navigation/certificateReferences';
import { findCertificateSymbols, type CertificateSymbol } from './features/navigation/certificateSymbols';
import type { CertificateSummary } from './x509/certificateSummary';
import {
  notBeforeEdit,
  notBeforeTimeline,
  type NotBeforeEditAnswer,
  type TimelineAnswer,
} from './features/whatIfNotBefore';
import type { PreviewEntryRef } from './match/preview';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  Range,
} from './types';

export interface LanguageServiceOptions {
  /** The clock; tests and `--now` pin it. */
  now?: () => Date;
  /** `package.json` homepage, for `codeDescription` links. */
  homepage?: string;
  /** A client command that certificate hovers link to ("Revoke this certificate…"); none: no link. */
  revokeCommand?: string;
}

export interface LanguageService {
  /** The model of one document version; callers keep it per version and pass it back. */
  parse(text: string, languageId?: string): FileModel;
  /**
   * The model of `text` reached from `previous` by the editor's `changes`: re-parses only the
   * edited entry when it can, else the whole text. Takes ownership of `previous`.
   */
  update(previous: FileModel, changes: readonly TextChange[], text: string): FileModel;
  /** With an inventory holding a certificate, the inventory codes too (`no-match`, `matches-ca`, `kubelet-server-cert`). */
  doValidation(model: FileModel, settings?: ServiceSettings, inventory?: InventoryContext): Diagnostic[];
  /** With an inventory, "Replace with N serial-number entries" on broad entries that match some of it. */
  getCodeActions(
    model: FileModel,
    range: Range,
    settings?: ServiceSettings,
    inventory?: InventoryContext,
  ): CodeAction[];
  /** Keys, values and snippets at a position; multi-line items are laid out for their column (send them as-is). */
  doComplete(model: FileModel, position: Position): CompletionItem[];
  /** As `doComplete`, with the inventory's serials, groups, DNS names and IPs as values of those fields. */
  doCompleteList(model: FileModel, position: Position, inventory?: InventoryContext): CompletionResult;
  /**
   * Markdown about what is under the position: a certificate, CSR or key (any language; the
   * settings give `expiryWarningDays`), else the key or value of a manifest; or null.
   */
  doHover(model: FileModel, position: Position, settings?: ServiceSettings, inventory?: InventoryContext): Hover | null;
  /** "Preview revocation" over each manifest; with an inventory holding a certificate, each entry's count too. */
  getCodeLenses(model: FileModel, inventory?: InventoryContext): CodeLens[];
  /** What the file's manifests revoke among the inventory's certificates (the preview JSON of the README, "Command line"). */
  previewRevocation(model: FileModel, inventory: InventoryContext): RevocationPreview;
  /** Where each entry of a preview of this model sits. */
  previewEntryLocations(model: FileModel, preview: RevocationPreview): EntryLocation[];
  /** One node per RenewRevocation document, one child per entry. */
  findDocumentSymbols(model: FileModel): DocumentSymbol[];
  /** One range per multi-line PEM block of a `pem` document; [] for other languages (their editors fold by indentation). */
  getFoldingRanges(model: FileModel): FoldingRange[];
  /** The readable full decode of a certificate file (PEM, bundle, binary DER, kubeconfig…) for the decoded view. */
  decodeForView(input: string | Uint8Array, settings?: ServiceSettings): string;
  /** What each entry whose value ends in the range matches in the inventory; [] when `settings.inlayHints` is off. */
  getInlayHints(model: FileModel, range: Range, settings?: ServiceSettings, inventory?: InventoryContext): InlayHint[];
  /** How many entries the inlay hints have matched so far (tests check that a range reads only its entries). */
  readonly inlayHintStats: Readonly<InlayHintStats>;
  /** Go to definition on an entry's value: every place of every certificate of the inventory it matches. */
  findDefinition(model: FileModel, position: Position, inventory?: InventoryContext): CertificatePlace[];
  /** The certificates under the position (a PEM block, certificate data in YAML): what find references looks for. */
  certificatesAt(model: FileModel, position: Position): CertificateSummary[];
  /** The entries of `manifests` that match any of the certificates (`file` indexes `manifests`). */
  findReferences(certificates: readonly CertificateSummary[], manifests: readonly FileModel[]): EntryReference[];
  /** Workspace symbols: the inventory's certificates whose name or serial number the query matches. */
  findWorkspaceSymbols(query: string, inventory?: InventoryContext): CertificateSymbol[];
  /** The preview's what-if timeline of an entry: every certificate its value matches, by their own notBefore. */
  notBeforeTimeline(model: FileModel, entry: PreviewEntryRef, inventory?: InventoryContext): TimelineAnswer;
  /** The one edit that writes `instant` (RFC 3339) as the entry's notBefore. */
  notBeforeEdit(model: FileModel, entry: PreviewEntryRef, instant: string): NotBeforeEditAnswer;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const now = options.now ?? (() => new Date());
  const validationOptions = (settings: ServiceSettings = DEFAULT_SETTINGS): ValidationOptions => ({
    now: now(),
    settings,
    homepage: options.homepage,
  });
  const inlayHintStats: InlayHintStats = { entriesMatched: 0 };
  return {
    parse: parseFile,
    update: updateFile,
    doValidation: (model, settings, inventory) =>
      checkFile(model, { ...validationOptions(settings), extraRules: inventoryRules(inventory) }).map(
        (checked) => checked.diagnostic,
      ),
    getCodeActions: (model, range, settings, inventory) =>
      getCodeActions(model, range, validationOptions(settings), inventory),
    doComplete: (model, position) => doComplete(model, position, now()).items,
    doCompleteList: (model, position, inventory) => doComplete(model, position, now(), inventory),
    doHover: (model, position, settings = DEFAULT_SETTINGS, inventory) =>
      certificateHover(
        model,
        position,
        { now: now(), expiryWarningDays: settings.expiryWarningDays },
        options.revokeCommand,
      ) ?? doHover(model, position, { now: now(), inventory: inventory && { ...inventory, file: model } }),
    getCodeLenses: (model, inventory) => getCodeLenses(model, inventory),
    previewRevocation: (model, inventory) => previewRevocation(model, inventory.snapshot),
    previewEntryLocations: (model, preview) => entryLocations(model, preview.entries),
    findDocumentSymbols: (model) => (model.languageId === 'pem' ? findPemSymbols(model) : findDocumentSymbols(model)),
    getFoldingRanges: (model) => (model.languageId === 'pem' ? getPemFoldingRanges(model) : []),
    decodeForView: (input, settings = DEFAULT_SETTINGS) =>
      decodeForView(input, { now: now(), expiryWarningDays: settings.expiryWarningDays }),
    getInlayHints: (model, range, settings = DEFAULT_SETTINGS, inventory) =>
      settings.inlayHints ? getInlayHints(model, range, inventory, now(), inlayHintStats) : [],
    inlayHintStats,
    findDefinition: findEntryDefinition,
    certificatesAt,
    findReferences: findCertificateReferences,
    findWorkspaceSymbols: findCertificateSymbols,
    notBeforeTimeline,
    notBeforeEdit,
  };
}
