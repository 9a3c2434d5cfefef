// Where certificates, CSRs and keys sit in a file: PEM blocks in any text, base64 certificate data
// in YAML values (kubeconfig `*-data`, Secret `tls.crt`/`ca.crt`, any long value that decodes to
// PEM or to a DER certificate), and whole-file DER. Each with its offsets and its bytes (or why
// they cannot be had); decoding them is decodeBlocks.ts.
import { isPair, isScalar, visit, type Document } from 'yaml';
import { parseDocumentStream } from '../parse/yamlStream';
import { decodeBase64Checked } from './bulkBase64';
import { classifyDer, isWholeDer } from './classifyDer';
import { findPemBlocks, type BlockKind, type PemHeader } from './pemBlocks';

export type BlockOrigin = 'pem' | 'yaml-data' | 'der';

export interface FoundBlock {
  origin: BlockOrigin;
  /** The PEM label (`CERTIFICATE`…), or `DER` for DER without armor. */
  label: string;
  kind: BlockKind;
  /** The block in the text: the armor lines and body, or the YAML value holding the data. */
  start: number;
  end: number;
  /** The part to select (symbols): the BEGIN line, or the YAML value's first line. */
  selectionEnd: number;
  /** For YAML data: the key the value belongs to (`client-certificate-data`). */
  yamlKey?: string;
  /** For YAML data holding several PEM blocks: this block's place among them. */
  part?: { index: number; count: number };
  headers: PemHeader[];
  /** The DER bytes, when the armor and base64 are sound. */
  bytes?: Uint8Array;
  /** Why the bytes cannot be had (no END line, bad base64, empty block…). */
  problem?: string;
}

/** Keys whose values are certificate (or key) data wherever they appear: kubeconfig, TLS Secret. */
export const CERTIFICATE_DATA_KEYS: ReadonlySet<string> = new Set([
  'certificate-authority-data',
  'client-certificate-data',
  'client-key-data',
  'tls.crt',
  'tls.key',
  'ca.crt',
]);

// base64 of "-----BEGIN" (PEM text inside base64) and the start of a long DER SEQUENCE.
const BASE64_PEM_PREFIX = 'LS0tLS1CRUdJT';
const BASE64_DER_PREFIX = 'MII';
const MIN_DER_DATA_LENGTH = 200;
const UTF8 = new TextDecoder('utf-8');

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

function pemFromText(text: string): FoundBlock[] {
  return findPemBlocks(text).map((block) => {
    const found: FoundBlock = {
      origin: 'pem',
      label: block.label,
      kind: block.kind,
      start: block.start,
      end: block.end,
      selectionEnd: block.beginEnd,
      headers: block.headers,
    };
    if (block.problem) found.problem = block.problem;
    else if (block.kind !== 'unknown') attachBody(found, block.body);
    return found;
  });
}

function attachBody(found: FoundBlock, body: string): void {
  if (found.headers.some((header) => header.name.toLowerCase() === 'proc-type' && /ENCRYPTED/i.test(header.value))) {
    found.bytes = new Uint8Array(0); // ciphertext: nothing to read in it
    return;
  }
  const decoded = decodeBase64Checked(body);
  if (!decoded.ok) found.problem = `the body of the ${found.label} block is not valid base64: ${decoded.reason}`;
  else if (decoded.bytes.length === 0) found.problem = `the ${found.label} block is empty`;
  else found.bytes = decoded.bytes;
}

/** The text of bytes that hold PEM (ASCII), one character per byte. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

/** The blocks a base64 YAML value holds, placed on the value; [] when it holds none. */
function blocksOfData(value: string, key: string, start: number, end: number, selectionEnd: number): FoundBlock[] {
  const compact = value.trim();
  const known = CERTIFICATE_DATA_KEYS.has(key);
  const place = { origin: 'yaml-data' as const, start, end, selectionEnd, yamlKey: key, headers: [] };
  const decoded = decodeBase64Checked(compact);
  if (!decoded.ok) {
    return known
      ? [{ ...place, label: 'DER', kind: 'certificate', problem: `\`${key}\` is not valid base64: ${decoded.reason}` }]
      : [];
  }
  const bytes = decoded.bytes;
  if (compact.startsWith(BASE64_PEM_PREFIX)) {
    const inner = pemFromText(latin1(bytes)).filter((block) => block.kind !== 'unknown' || known);
    if (inner.length === 0) {
      return [
        {
          ...place,
          label: 'DER',
          kind: 'certificate',
          problem: `\`${key}\` decodes to text without a complete PEM block`,
        },
      ];
    }
    return inner.map((block, index) => ({
      ...block,
      ...place,
      headers: block.headers,
      part: { index, count: inner.length },
    }));
  }
  const kind = classifyDer(bytes);
  if (kind === 'certificate' || (known && kind !== 'unknown')) return [{ ...place, label: 'DER', kind, bytes }];
  if (!known) return [];
  return [
    {
      ...place,
      label: 'DER',
      kind: 'certificate',
      problem: `\`${key}\` holds neither PEM text nor a DER certificate, request or key`,
    },
  ];
}

/** True when a text may hold certificate data in YAML values: skips the walk for everything else. */
function mayHoldData(text: string): boolean {
  if (text.includes(BASE64_PEM_PREFIX)) return true;
  for (const key of CERTIFICATE_DATA_KEYS) if (text.includes(key)) return true;
  // DER certificates start `MII` in base64: look at what follows each, rather than a regex
  // that tries every `M` of a megabyte manifest.
  for (let at = text.indexOf('MII'); at !== -1; at = text.indexOf('MII', at + 3)) {
    BASE64_RUN.lastIndex = at + 3;
    if (BASE64_RUN.test(text)) return true;
  }
  return false;
}

const BASE64_RUN = /[A-Za-z0-9+/]{200}/y;

function isCandidate(key: string, value: string): boolean {
  const compact = value.trimStart();
  if (compact === '' || compact.startsWith('-----')) return false; // PEM text: the text scan has it
  // A template's placeholder (`${CA_DATA}`, `{{ .Values.ca }}`, `<base64>`) is not data yet.
  if (CERTIFICATE_DATA_KEYS.has(key)) return compact.length >= 16 && !/\$\{|\{\{|<|%/.test(compact);
  if (compact.startsWith(BASE64_PEM_PREFIX)) return true;
  return compact.startsWith(BASE64_DER_PREFIX) && compact.length >= MIN_DER_DATA_LENGTH;
}

/** Base64 certificate data in the values of YAML documents. */
export function findYamlData(text: string, documents: readonly Document.Parsed[]): FoundBlock[] {
  if (!mayHoldData(text)) return [];
  const found: FoundBlock[] = [];
  for (const document of documents) {
    visit(document, {
      Pair(_, pair) {
        if (!isPair(pair) || !isScalar(pair.key) || !isScalar(pair.value)) return;
        const value = pair.value.value;
        if (typeof value !== 'string' || !pair.value.range) return;
        const key = String(pair.key.value);
        if (!isCandidate(key, value)) return;
        const [start, end] = pair.value.range;
        found.push(...blocksOfData(value, key, start, end, Math.min(end, lineEnd(text, start))));
      },
    });
  }
  return found;
}

/** Every block of a text file; YAML documents (when the file is YAML) add their base64 data. */
export function findBlocksInText(text: string, yamlDocuments: readonly Document.Parsed[] = []): FoundBlock[] {
  const blocks = pemFromText(text);
  if (yamlDocuments.length === 0) return blocks;
  const data = findYamlData(text, yamlDocuments);
  if (data.length === 0) return blocks;
  return [...blocks, ...data].sort((a, b) => a.start - b.start || (a.part?.index ?? 0) - (b.part?.index ?? 0));
}

/** A file as read from disk: one DER block when it is binary DER, else undefined (read it as text). */
export function findDerFile(bytes: Uint8Array): FoundBlock | undefined {
  if (!isWholeDer(bytes)) return undefined;
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  const der = bytes.subarray(0, end);
  return {
    origin: 'der',
    label: 'DER',
    kind: classifyDer(der),
    start: 0,
    end,
    selectionEnd: 0,
    headers: [],
    bytes: der,
  };
}

/**
 * Every block of a file whose language is not known (the CLI, the decoded view): binary DER as
 * one block; otherwise the text's PEM blocks, plus the base64 data of YAML values when the text
 * may hold some (parsed as YAML only then).
 */
export function findBlocksInFile(input: string | Uint8Array): { text: string | undefined; blocks: FoundBlock[] } {
  if (typeof input !== 'string') {
    const der = findDerFile(input);
    if (der) return { text: undefined, blocks: [der] };
  }
  const text = typeof input === 'string' ? input : UTF8.decode(input);
  if (!mayHoldData(text)) return { text, blocks: pemFromText(text) };
  const documents = parseDocumentStream(text, { prettyErrors: false, uniqueKeys: false });
  return { text, blocks: findBlocksInText(text, documents) };
}
