// Counts in words, for messages, hovers and reports.

/** `1 certificate`, `2 certificates`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
