// The `file-too-large` information for a file the host did not read (the CLI, the inventory): the
// service never sees the text, so the host hands in the size and the limit. It sits at the very
// start of the file, and honours the severity settings like any other code.
import { CODES } from '../codes';
import type { ServiceSettings } from '../settings';
import type { Diagnostic } from '../types';

/** `5 MiB`, `6.3 MiB`, `900 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GiB'],
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

export function fileTooLargeDiagnostic(
  size: number,
  settings: ServiceSettings,
  homepage?: string,
): Diagnostic | undefined {
  const severity = settings.rules['file-too-large'] ?? CODES['file-too-large'].severity;
  if (severity === 'off') return undefined;
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity,
    code: 'file-too-large',
    source: 'renew-revocation',
    message:
      `This file is ${formatBytes(size)}, larger than the limit of ${formatBytes(settings.maxFileSize)} ` +
      '(renewRevocation.maxFileSize), so it was not analysed: split it into smaller files, or raise the setting in the editor.',
  };
  if (homepage) diagnostic.codeDescription = { href: `${homepage}#file-too-large` };
  return diagnostic;
}
