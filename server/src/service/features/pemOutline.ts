// Outline and folding of certificate files (the `pem` language): one symbol per block, named by
// the certificate's or request's CN (else its subject) or by the key's type; one folding range per
// block of more than one line.
import type { FileModel } from '../parse/fileModel';
import type { DocumentSymbol, FoldingRange } from '../types';
import type { BlockDecode } from '../x509/decodeBlocks';
import { keyText } from '../x509/describeRecord';
import { certificatesOf } from '../x509/modelCertificates';

function symbolName(decoded: BlockDecode, label: string): { name: string; detail: string } {
  if (!decoded.ok)
    return { name: label, detail: decoded.failure.kind === 'unknown' ? 'not decoded' : 'does not decode' };
  const record = decoded.record;
  switch (record.kind) {
    case 'certificate':
      return {
        name: record.commonName ?? (record.subject || '(empty subject)'),
        detail: `certificate, until ${record.notAfter}`,
      };
    case 'csr':
      return { name: record.commonName ?? (record.subject || '(empty subject)'), detail: 'certificate request' };
    default:
      return {
        name:
          record.keyType === 'encrypted'
            ? `encrypted ${record.isPrivate ? 'private' : 'public'} key`
            : `${keyText(record)} ${record.isPrivate ? 'private' : 'public'} key`,
        detail: label,
      };
  }
}

export function findPemSymbols(model: FileModel): DocumentSymbol[] {
  return certificatesOf(model)
    .filter(({ block }) => block.origin === 'pem')
    .map(({ block, decoded }) => {
      const { name, detail } = symbolName(decoded, block.label);
      return {
        name,
        detail,
        kind: decoded.ok && decoded.record.kind === 'key' ? 'key' : 'object',
        range: model.lineIndex.range(block.start, block.end),
        selectionRange: model.lineIndex.range(block.start, block.selectionEnd),
      };
    });
}

export function getPemFoldingRanges(model: FileModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const { block } of certificatesOf(model)) {
    if (block.origin !== 'pem') continue;
    const startLine = model.lineIndex.positionAt(block.start).line;
    const endLine = model.lineIndex.positionAt(block.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
