// One parsed model per open document, for its current version: every feature (diagnostics, code
// actions, hover, completion, symbols…) asks here, so a version is parsed once however many
// requests read it. The edits since the cached version are kept, and the next model is reached
// by applying them to the cached one (re-parsing only the edited entry where the service can);
// anything unexpected falls back to a full parse. Only open documents are kept.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChange, type FileModel, type TextChange } from '../service/index';

export interface ModelCache {
  get(document: TextDocument): FileModel;
  /**
   * Reaches the model of the document's current version now, if an earlier version's is kept; a
   * document never parsed (not yet validated, or too large) is left alone.
   */
  advance(document: TextDocument): void;
  /** Edits made to an open document, as offsets, in order (see documentChanges.ts). */
  onDocumentChanged(uri: string, changes: readonly TextChange[], version: number): void;
  onDocumentRemoved(uri: string): void;
  dispose(): void;
}

export interface ModelFactory {
  parse(text: string, languageId: string): FileModel;
  /** The model after one change; owns `previous` (it may be modified), as the service's updateFile. */
  update?(previous: FileModel, change: TextChange, text: string): FileModel;
  /** An incremental update that threw: logged by the caller; a full parse is used instead. */
  onUpdateError?(error: unknown): void;
}

interface CacheEntry {
  version: number;
  languageId: string;
  model: FileModel;
  /** Edits after `version`, and the version they lead to. */
  changes: TextChange[];
  changedToVersion: number;
}

export function createModelCache(factory: ModelFactory): ModelCache {
  const entries = new Map<string, CacheEntry>();

  function updated(entry: CacheEntry, document: TextDocument): FileModel | undefined {
    if (!factory.update || entry.languageId !== document.languageId || entry.changedToVersion !== document.version)
      return undefined;
    try {
      let model = entry.model;
      let text = model.text;
      for (const change of entry.changes) {
        text = applyChange(text, change);
        model = factory.update(model, change, text);
      }
      // The edits must lead to exactly the editor's text; if not, trust the text.
      return text === document.getText() ? model : undefined;
    } catch (error) {
      factory.onUpdateError?.(error);
      return undefined;
    }
  }

  function get(document: TextDocument): FileModel {
    const entry = entries.get(document.uri);
    if (entry && entry.version === document.version && entry.languageId === document.languageId) return entry.model;
    const model = (entry && updated(entry, document)) || factory.parse(document.getText(), document.languageId);
    entries.set(document.uri, {
      version: document.version,
      languageId: document.languageId,
      model,
      changes: [],
      changedToVersion: document.version,
    });
    return model;
  }

  return {
    get,
    advance(document) {
      const entry = entries.get(document.uri);
      if (entry && entry.version !== document.version) get(document);
    },
    onDocumentChanged(uri, changes, version) {
      const entry = entries.get(uri);
      if (!entry) return;
      entry.changes.push(...changes);
      entry.changedToVersion = version;
    },
    onDocumentRemoved(uri) {
      entries.delete(uri);
    },
    dispose() {
      entries.clear();
    },
  };
}
