// Strings the server keeps for long (diagnostic messages, certificate names and times) are mostly
// built by concatenation, and V8 keeps such a string as a tree of its pieces, about 32 bytes per
// piece, until something reads its characters. Reading one character makes V8 copy the string
// into one flat string, and the garbage collector then drops the tree: with 10,000 certificates
// and 7,000 diagnostics held, that is about 10 MiB less heap (bench/README.md, "Memory: what the server holds").

/** The same string, made flat before it is kept. */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

export const flatOrUndefined = (text: string | undefined): string | undefined =>
  text === undefined ? text : flat(text);
