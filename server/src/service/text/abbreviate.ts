// Values as messages and reports show them: on one line, and cut short when long, so that a
// 1 MiB value written by mistake does not fill a diagnostic, a hover or a preview report.

/** `text` on one line, cut to `max` characters with `…` when longer. */
export function abbreviate(text: string, max = 80): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 3)}…` : oneLine;
}
