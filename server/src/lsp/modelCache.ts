// One parsed model per open document, for its current version: every feature (diagnostics, code
// actions, hover, completion, symbols…) asks here, so a version is parsed once however many
// requests read it. Only open documents are kept; closing one drops its model.
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface ModelCache<T> {
  get(document: TextDocument): T;
  onDocumentRemoved(uri: string): void;
  dispose(): void;
}

interface CacheEntry<T> {
  version: number;
  languageId: string;
  model: T;
}

export function createModelCache<T>(parse: (document: TextDocument) => T): ModelCache<T> {
  const entries = new Map<string, CacheEntry<T>>();
  return {
    get(document) {
      const entry = entries.get(document.uri);
      if (entry && entry.version === document.version && entry.languageId === document.languageId) return entry.model;
      const model = parse(document);
      entries.set(document.uri, { version: document.version, languageId: document.languageId, model });
      return model;
    },
    onDocumentRemoved(uri) {
      entries.delete(uri);
    },
    dispose() {
      entries.clear();
    },
  };
}
