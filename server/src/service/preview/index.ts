// The preview's report formats as one entry: Markdown, CSV and JSON of a preview, and the report
// (entry labels and lines, expiry against a clock) they are made from. Pure, with no editor or
// I/O dependency: the CLI prints them, and the VS Code client bundles them so that an export from
// the preview panel reads exactly like `renew-revocation preview --format …`. The client imports
// the service through this entry only.
export { formatPreviewCsv } from './formatCsv';
export { formatPreviewJson } from './formatJson';
export { formatPreviewMarkdown } from './formatMarkdown';
export { buildReport, type PreviewReport } from './previewReport';
