// The JSON of every message the server writes over stdio. Diagnostics are most of what it writes
// (3 MiB for a 10,000-entry manifest full of findings), and after a keystroke nearly all of them
// are the very objects of the previous version (lsp/keptDiagnostics.ts keeps them while their
// finding is kept): each one's JSON, as UTF-8 bytes, is kept beside it, so a new version costs
// the JSON of what changed plus a copy, not a stringify and an encoding of every diagnostic
// again. The bytes are exactly JSON.stringify's.
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

/**
 * The UTF-8 JSON of each diagnostic object written so far (collected with it), after a comma: the
 * separator a list needs before every item but the first, so that a message is one copy per item.
 */
const diagnosticBytes = new WeakMap<object, Buffer>();

function commaAndBytesOf(diagnostic: object): Buffer {
  let bytes = diagnosticBytes.get(diagnostic);
  if (bytes === undefined) {
    bytes = Buffer.from(`,${JSON.stringify(diagnostic)}`, 'utf8');
    diagnosticBytes.set(diagnostic, bytes);
  }
  return bytes;
}

type Holder = Record<string, unknown>;

/** Where a message carries a list of diagnostics: a publish's params, or a pull answer's result. */
function diagnosticsHolder(message: Message): { holder: Holder; key: string; list: object[] } | undefined {
  const record = message as unknown as Holder;
  const params = record.params as Holder | undefined;
  if (record.method === 'textDocument/publishDiagnostics' && params && Array.isArray(params.diagnostics))
    return { holder: params, key: 'diagnostics', list: params.diagnostics as object[] };
  const result = record.result as Holder | undefined;
  if (record.id !== undefined && result && typeof result === 'object' && Array.isArray(result.items))
    return { holder: result, key: 'items', list: result.items as object[] };
  return undefined;
}

/** Stands for the list while the rest of the message is stringified: no JSON string can equal it by chance. */
const PLACEHOLDER = '\u0000renew-revocation:diagnostics\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);

/** The message as UTF-8 JSON: byte for byte what JSON.stringify would give. */
export function encodeMessage(message: Message): Buffer {
  const found = diagnosticsHolder(message);
  if (!found || found.list.length === 0 || found.list.some((item) => item === null || typeof item !== 'object'))
    return Buffer.from(JSON.stringify(message), 'utf8');
  const { holder, key, list } = found;
  const record = message as unknown as Holder;
  const outerKey = holder === record.params ? 'params' : 'result';
  const skeleton = JSON.stringify({ ...record, [outerKey]: { ...holder, [key]: PLACEHOLDER } });
  const at = skeleton.indexOf(PLACEHOLDER_JSON);
  if (at < 0 || skeleton.indexOf(PLACEHOLDER_JSON, at + 1) >= 0) return Buffer.from(JSON.stringify(message), 'utf8');
  const head = Buffer.from(`${skeleton.slice(0, at)}[`, 'utf8');
  const tail = Buffer.from(`]${skeleton.slice(at + PLACEHOLDER_JSON.length)}`, 'utf8');
  const items = list.map(commaAndBytesOf);
  // The first item goes without its comma.
  let length = head.length + tail.length - 1;
  for (const item of items) length += item.length;
  const encoded = Buffer.allocUnsafe(length);
  encoded.set(head, 0);
  let offset = head.length;
  for (let i = 0; i < items.length; i++) {
    const item = i === 0 ? items[i].subarray(1) : items[i];
    encoded.set(item, offset);
    offset += item.length;
  }
  encoded.set(tail, offset);
  return encoded;
}

/** vscode-jsonrpc's content-type encoder, with encodeMessage in place of JSON.stringify (always UTF-8, as LSP says). */
export const messageEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message: Message) => Promise.resolve(encodeMessage(message)),
};
