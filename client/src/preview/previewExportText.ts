// The text of an exported preview (pure; no vscode import): Markdown and CSV through the same
// report and formatters as `renew-revocation preview`, JSON as the CLI prints it (the preview
// JSON, without the fields only a viewer needs: `kept` whole, as the CLI prints it).
import type { PreviewResult, RevocationPreview } from '../../../server/src/protocol';
import {
  buildReport,
  formatPreviewCsv,
  formatPreviewJson,
  formatPreviewMarkdown,
} from '../../../server/src/service/preview';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportOptions {
  /** The manifest as people know it (workspace-relative). */
  manifestName: string;
  /** The clock for the expiry column. */
  now: Date;
  expiryWarningDays: number;
}

/** The preview as the language server and the CLI build it, without the viewer's fields. */
export function previewOnly(result: PreviewResult): RevocationPreview {
  const { certificatesScanned, entries, revoked, notRevocable, kept, notes, problems } = result;
  return { certificatesScanned, entries, revoked, notRevocable, kept, notes, problems };
}

/**
 * The export of a preview that holds every kept certificate (ask the server with `EVERY_KEPT`):
 * a file with a page of them would pass for the whole preview, so a part is refused.
 */
export function previewExportText(result: PreviewResult, format: ExportFormat, options: ExportOptions): string {
  if (result.keptOffset !== 0 || result.kept.length !== result.keptTotal) {
    throw new Error(
      `the preview holds ${result.kept.length} of its ${result.keptTotal} kept certificates; an export needs them all`,
    );
  }
  const preview = previewOnly(result);
  if (format === 'json') return formatPreviewJson(preview);
  const lines = result.entryLocations.map((location) => location.line);
  const report = buildReport(options.manifestName, lines, preview, options.now, options.expiryWarningDays);
  return format === 'markdown' ? formatPreviewMarkdown(report) : formatPreviewCsv(report);
}
