// Where a found block sits, in words: "PEM CERTIFICATE, lines 3–27", "`tls.crt` (base64), line 9,
// certificate 2 of 2", "DER file". Headings of the hover, the decoded view and the CLI use it.
import type { LineIndex } from '../text/lineIndex';
import type { FoundBlock } from './findCertificates';

const KIND_NAMES = { certificate: 'certificate', csr: 'certificate request', key: 'key', unknown: 'block' } as const;

export function blockPlace(block: FoundBlock, lineIndex: LineIndex | undefined): string {
  if (block.origin === 'der') return 'DER file';
  const first = lineIndex ? lineIndex.positionAt(block.start).line + 1 : undefined;
  const last = lineIndex ? lineIndex.positionAt(block.end).line + 1 : undefined;
  const lines = first === undefined ? '' : first === last ? `, line ${first}` : `, lines ${first}–${last}`;
  if (block.origin === 'pem') return `PEM ${block.label}${lines}`;
  const encoding = block.label === 'DER' ? 'base64 DER' : `base64 PEM ${block.label}`;
  const part =
    block.part && block.part.count > 1
      ? `, ${KIND_NAMES[block.kind]} ${block.part.index + 1} of ${block.part.count}`
      : '';
  return `\`${block.yamlKey}\` (${encoding})${lines}${part}`;
}
