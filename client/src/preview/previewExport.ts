// Export of the revocation preview as Markdown, CSV or JSON: the same formatters as
// `renew-revocation preview --format markdown|csv|json`, so a file saved from the editor reads
// exactly like the command line's. Written only where the user chooses in the Save As dialog
// (the one write the extension makes).
import { Uri, window, workspace } from 'vscode';
import type { PreviewResult } from '../../../server/src/protocol';
import { utf8Bytes } from '../bytes';
import { previewExportText, type ExportFormat } from './previewExportText';

export { isExportFormat, type ExportFormat } from './previewExportText';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = {
  markdown: { Markdown: ['md'] },
  csv: { CSV: ['csv'] },
  json: { JSON: ['json'] },
};

const EXTENSIONS: Record<ExportFormat, string> = { markdown: 'md', csv: 'csv', json: 'json' };

/** `revoke.yaml` → `revoke.preview.md`, beside the manifest (or in the first workspace folder for an untitled one). */
function defaultTarget(manifest: Uri, format: ExportFormat): Uri | undefined {
  const name = manifest.path.split('/').pop() ?? 'manifest';
  const stem = name.replace(/\.(ya?ml)$/i, '');
  const file = `${stem}.preview.${EXTENSIONS[format]}`;
  if (manifest.scheme === 'file') return Uri.joinPath(manifest, '..', file);
  const folder = workspace.workspaceFolders?.[0]?.uri;
  return folder && Uri.joinPath(folder, file);
}

export async function exportPreview(preview: PreviewResult, manifest: Uri, format: ExportFormat): Promise<void> {
  const expiryWarningDays = workspace
    .getConfiguration('renewRevocation', manifest)
    .get<number>('expiryWarningDays', 30);
  const text = previewExportText(preview, format, {
    manifestName: workspace.asRelativePath(manifest),
    now: new Date(),
    expiryWarningDays,
  });
  const target = await window.showSaveDialog({
    title: 'Export the revocation preview',
    saveLabel: 'Export',
    defaultUri: defaultTarget(manifest, format),
    filters: FILTERS[format],
  });
  if (!target) return;
  await workspace.fs.writeFile(target, utf8Bytes(text));
  const open = await window.showInformationMessage(
    `Exported the revocation preview to ${workspace.asRelativePath(target)}.`,
    'Open',
  );
  if (open === 'Open') await window.showTextDocument(target);
}
