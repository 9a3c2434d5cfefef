// Owns the pause between an edit of an open document and the scanner reading its text again (an
// open certificate file's text counts instead of the disk's): one timer per document, restarted
// by each edit, so typing costs one read.
import type { Disposable } from 'vscode-languageserver';
import type { RuntimeEnvironment } from '../runtime';

/** The pause after an edit before an open certificate file's text is read again. */
export const DOCUMENT_DEBOUNCE_MS = 300;

export class OpenDocumentChanges {
  private readonly timers = new Map<string, Disposable>();

  constructor(
    private readonly timer: RuntimeEnvironment['timer'],
    /** Reads the file again (the scanner's fileChanged). */
    private readonly reread: (uri: string) => void,
  ) {}

  /** A document was edited or closed (then the file on disk counts again). */
  changed(uri: string): void {
    this.timers.get(uri)?.dispose();
    this.timers.set(
      uri,
      this.timer.setTimeout(() => {
        this.timers.delete(uri);
        this.reread(uri);
      }, DOCUMENT_DEBOUNCE_MS),
    );
  }

  dispose(): void {
    this.timers.forEach((timer) => timer.dispose());
  }
}
