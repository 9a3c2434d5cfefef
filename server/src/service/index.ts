// The public face of the pure language service: the CLI, the LSP server and the bench import
// from here and nothing else (docs/ARCHITECTURE.md, "Code map"), so what they rely on is
// listed in one place. Tests may reach inside.
export * from './types';
export * from './codes';
export * from './settings';
export { createLanguageService, type LanguageService, type LanguageServiceOptions } from './languageService';
export { parseFile, type FileModel, type YamlDocumentModel } from './parse/fileModel';
export { manifestSnippet, entrySnippet, resolveSnippet } from './features/snippets';
export { updateFile, applyChange, type TextChange } from './parse/incremental';
export type { InventoryContext } from './features/inventoryContext';
export type { CompletionResult } from './features/completion';
export type { EntryLocation } from './features/entryMatchFeatures';
export type { InlayHint, InlayHintStats } from './features/inlayHints';
export type { CertificatePlace } from './features/navigation/certificatePlaces';
export type { EntryReference } from './features/navigation/certificateReferences';
export type { CertificateSymbol } from './features/navigation/certificateSymbols';
export type {
  NotBeforeEditAnswer,
  NotBeforeTimeline,
  TimelineAnswer,
  TimelineCertificate,
} from './features/whatIfNotBefore';
export { CertificateInventory, type InventoryCertificate, type InventorySnapshot } from './inventory/inventory';
export type {
  PreviewEntry,
  PreviewEntryRef,
  PreviewProblem,
  PreviewWarning,
  PreviewWarningCode,
  RevocationPreview,
} from './match/preview';
export { fileTooLargeDiagnostic, formatBytes } from './features/fileTooLarge';
export { checkFile } from './features/validation';
export { fileTooLargeProblem, type FoundCertificate } from './inventory/inventory';
export { readCertificateFile } from './inventory/readCertificateFile';
export { decideCertificatePaths } from './inventory/trustedPaths';
export { buildMatchIndex, isKubeletServingCertificate, matchIndexFor } from './match/matchIndex';
export { matchManifests } from './match/matcher';
export {
  buildPreview,
  previewConditions,
  previewRevocation,
  type PreviewCertificate,
  type PreviewConditions,
} from './match/preview';
export { plural } from './text/plural';
export { formatPreviewCsv } from './preview/formatCsv';
export { formatPreviewJson } from './preview/formatJson';
export { formatPreviewMarkdown } from './preview/formatMarkdown';
export {
  buildReport,
  certificateClasses,
  classifyCertificates,
  entryLabels,
  entryLinesOf,
  expiryState,
  reportNotes,
  type CertificateStatus,
  type ClassifiedCertificates,
  type PreviewReport,
  type ReportEntry,
} from './preview/previewReport';
export { decodeText } from './text/decodeText';
export { LineIndex } from './text/lineIndex';
export { decodeBase64 } from './x509/base64';
export { blockPlace } from './x509/blockPlace';
export { type CertificateSummary } from './x509/certificateSummary';
export { decodeBlock, withClock } from './x509/decodeBlocks';
export { readCertificateFacts } from './x509/decodeCertificate';
export {
  type DecodeResult,
  type DecodedCertificate,
  type DecodedCsr,
  type DecodedKey,
  type ExpiryState,
  type InvalidSanEntry,
  type PublicKeySummary,
} from './x509/decodedTypes';
export { alignFields } from './x509/decodedView';
export { recordFields, recordTitle } from './x509/describeRecord';
export { sha256Hex } from './x509/digest';
export { type ExpiryClock } from './x509/expiry';
export { findBlocksInFile, findDerFile, type FoundBlock } from './x509/findCertificates';
export { readCertificateSummary } from './x509/leanCertificate';
export { findPemCertificates } from './x509/pemCertificates';
export { inventoryRule } from './match/inventoryRules';
export { manifestPlaceAt, placeName, type ManifestPlace } from './parse/manifestPlace';
export { formatIsoUtc } from './values/time';
export {
  certificateDescription,
  certificateName,
  serialEntryDraft,
  type RevocationEntryDraft,
} from './features/revocationEdits/entryDraft';
export { singleEdit, spliceRevocations, type SpliceResult } from './features/revocationEdits/spliceRevocations';
export {
  entryLabel,
  planRevocation,
  type AlreadyRevoked,
  type RefusedCertificate,
  type RevokeOptions,
  type RevokePlan,
} from './features/revocationEdits/revokeCertificates';
export {
  DEFAULT_MANIFEST_NAME,
  DEFAULT_MANIFEST_NAMESPACE,
  newRevocationManifest,
  type NewManifestOptions,
} from './features/revocationEdits/newManifest';
