// The open documents, with every edit also reported as offsets into the text it applied to, so
// that the model of a new version can be reached from the previous model by re-parsing only what
// changed (the service's updateFile) instead of the whole file.
import { TextDocumentContentChangeEvent, TextDocuments, type TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../service/index';

export type ChangeListener = (uri: string, changes: TextChange[], version: number) => void;

export function createTextDocuments(onChange: ChangeListener): TextDocuments<TextDocument> {
  return new TextDocuments<TextDocument>(reportingChanges(onChange));
}

/** How TextDocuments creates and updates a document, telling `onChange` each edit's offsets. */
export function reportingChanges(onChange: ChangeListener): TextDocumentsConfiguration<TextDocument> {
  return {
    create: TextDocument.create,
    update(document, changes, version) {
      // Each change's range refers to the text left by the changes before it: apply one at a time.
      const offsets: TextChange[] = [];
      for (const change of changes) {
        if (TextDocumentContentChangeEvent.isIncremental(change)) {
          offsets.push({
            start: document.offsetAt(change.range.start),
            end: document.offsetAt(change.range.end),
            text: change.text,
          });
        } else {
          offsets.push({ start: 0, end: document.getText().length, text: change.text });
        }
        TextDocument.update(document, [change], version);
      }
      onChange(document.uri, offsets, version);
      return document;
    },
  };
}
