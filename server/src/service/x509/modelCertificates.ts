// The certificates, CSRs and keys of one document version, found and decoded once and shared by
// hover, diagnostics, symbols and folding (memoised on the model like every other feature).
import { carryAcrossSplices, memo, type FileModel } from '../parse/fileModel';
import { settled } from '../parse/staleEntries';
import { carriedBlocks } from './carriedBlocks';
import { decodeBlock, type BlockDecode } from './decodeBlocks';
import { findBlocksInText, type FoundBlock } from './findCertificates';

export interface LocatedBlock {
  block: FoundBlock;
  decoded: BlockDecode;
}

const KEY = 'x509.blocks';
carryAcrossSplices(KEY);

export function certificatesOf(model: FileModel): LocatedBlock[] {
  return memo(model, KEY, () => {
    const carried = carriedBlocks<LocatedBlock>(model, KEY);
    if (carried) return carried;
    // A scan of every YAML value: validation's view of the model must have its entries' nodes moved first.
    const yaml = model.languageId === 'yaml' ? settled(model).documents.map((document) => document.yaml) : [];
    return findBlocksInText(model.text, yaml).map((block) => ({ block, decoded: decodeBlock(block) }));
  });
}

/** The blocks whose range holds `offset` (several for one YAML value with a PEM bundle inside). */
export function blocksAt(model: FileModel, offset: number): LocatedBlock[] {
  return certificatesOf(model).filter(({ block }) => block.start <= offset && offset <= block.end);
}
