// `renewRevocation.previewResult` (not in the palette): the preview of an open manifest as data,
// the server's renewRevocation/preview answer with every kept certificate, or null when the
// manifest is not open. For other extensions and for the editor tests, which check what the
// preview panel shows without reading into its webview.
import { commands, Uri, type Disposable } from 'vscode';
import { EVERY_KEPT, type KeptPage, type PreviewResult } from '../../../server/src/protocol';

export const PREVIEW_RESULT_COMMAND = 'renewRevocation.previewResult';

export function registerPreviewResultCommand(
  request: (uri: Uri, kept: KeptPage) => Promise<PreviewResult | null>,
): Disposable {
  return commands.registerCommand(PREVIEW_RESULT_COMMAND, (uri: unknown) => {
    const target = uri instanceof Uri ? uri : typeof uri === 'string' ? Uri.parse(uri) : undefined;
    return target ? request(target, EVERY_KEPT) : null;
  });
}
