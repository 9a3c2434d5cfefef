// The public face of the pure language service.
export * from './types';
export * from './codes';
export * from './settings';
export { createLanguageService, type LanguageService, type LanguageServiceOptions } from './languageService';
export { parseFile, type FileModel, type YamlDocumentModel } from './parse/fileModel';
export { manifestSnippet, entrySnippet, resolveSnippet } from './features/snippets';
export { updateFile, applyChange, type TextChange } from './parse/incremental';
export type { InventoryContext, EntryLocation } from './features/inventoryFeatures';
export { CertificateInventory, type InventorySnapshot } from './inventory/inventory';
export type { RevocationPreview } from './match/preview';
