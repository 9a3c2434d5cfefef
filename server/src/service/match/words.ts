// Small wording helpers shared by the preview, its diagnostics and its hovers.

/** `1 certificate`, `2 certificates`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Text as Markdown inline code, whatever backticks it holds. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export const FUTURE_CERTIFICATES_REFUSED = 'future matching certificates will be refused too';
/** The words of the preview's `missing-not-before` warning (previewWarnings.ts). */
export const FUTURE_CERTIFICATES_WARNING = `no notBefore: ${FUTURE_CERTIFICATES_REFUSED}`;
