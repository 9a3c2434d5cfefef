// Brings the preview panels back after "Reload Window" (or a restart of VS Code): VS Code keeps a
// panel's place and the state its page saved (media/preview/preview.js keeps the manifest's URI
// there) and hands them to this serializer, which previews that manifest again in the panel. A
// panel whose page never saved a manifest (it only showed a message) is closed.
import { Uri, window, type Disposable } from 'vscode';
import { PREVIEW_VIEW_TYPE, type PreviewPanels } from './previewPanel';

function manifestOf(state: unknown): Uri | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const { manifest } = state as { manifest?: unknown };
  if (typeof manifest !== 'string' || manifest === '') return undefined;
  try {
    return Uri.parse(manifest, true);
  } catch {
    return undefined;
  }
}

/** `serverStarted`: the preview asks the server, so a restored panel waits for it. */
export function registerPreviewSerializer(previews: PreviewPanels, serverStarted: Promise<void>): Disposable {
  return window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
    async deserializeWebviewPanel(panel, state) {
      const uri = manifestOf(state);
      if (!uri) {
        panel.dispose();
        return;
      }
      // A server that failed to start: the panel then says what the preview request answers.
      await serverStarted.catch(() => undefined);
      await previews.restore(panel, uri);
    },
  });
}
