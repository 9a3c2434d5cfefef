// Values in Markdown (hovers, the preview's Markdown report) sit in code spans, so that names
// with `*` or `_` stay as written.

/** Text as Markdown inline code, whatever backticks it holds. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
