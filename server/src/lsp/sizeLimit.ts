// `renewRevocation.maxFileSize` for open documents: a document larger than the limit is not
// parsed at all (a huge file would hold the server up for seconds on every edit); it gets the
// one `file-too-large` diagnostic, and every other feature answers empty.
import { fileTooLargeDiagnostic } from '../service';
import type { Diagnostic, ServiceSettings } from '../service/index';

/** The UTF-8 size of `text`, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The size of `text` when it is over the limit, else undefined (cheap for text well under it). */
export function sizeOverLimit(text: string, settings: ServiceSettings): number | undefined {
  // Every UTF-16 unit is at most 3 bytes of UTF-8: most texts need no counting.
  if (text.length * 3 <= settings.maxFileSize) return undefined;
  const size = utf8Length(text);
  return size > settings.maxFileSize ? size : undefined;
}

export function fileTooLargeDiagnostics(
  size: number,
  settings: ServiceSettings,
  homepage: string | undefined,
): Diagnostic[] {
  const diagnostic = fileTooLargeDiagnostic(size, settings, homepage);
  return diagnostic ? [diagnostic] : [];
}
