// `decode --format text`: for people. Per file its path, then one section per certificate, CSR or
// key with aligned fields (the decoded view's layout); expired and failing blocks in red,
// expiring ones in yellow on a terminal. A closing line counts what was found, and says when a
// path could not be read; when none could, nothing is printed (the errors say it).
import { alignFields, blockPlace, recordFields, recordTitle } from '../../service';
import { palette, type Palette } from '../colours';
import { NothingToCheckError } from '../errors';
import type { DecodedBlock, DecodedFile, DecodeRun } from './decodeFiles';

function section(file: DecodedFile, { block, result }: DecodedBlock, index: number, colours: Palette): string {
  const place = colours.dim(blockPlace(block, file.lineIndex));
  if (!result.ok) {
    const name = block.label === 'DER' ? 'data' : `${block.label} block`;
    return [
      `[${index}] ${colours.red(colours.bold(`${name} does not decode`))} — ${place}`,
      ...alignFields([{ label: 'Error', value: result.failure.error }]),
    ].join('\n');
  }
  const record = result.record;
  let title = colours.bold(recordTitle(record));
  if (record.kind === 'certificate' && (record.expiry === 'expired' || record.expiry === 'not-yet-valid'))
    title = colours.red(title);
  else if (record.kind === 'certificate' && record.expiry === 'expiring') title = colours.yellow(title);
  return [`[${index}] ${title} — ${place}`, ...alignFields(recordFields(record, 'full'))].join('\n');
}

function count(run: DecodeRun): string {
  const totals = { certificate: 0, csr: 0, key: 0, failed: 0 };
  for (const file of run.files) {
    for (const { result } of file.blocks) {
      if (!result.ok) totals.failed++;
      else totals[result.record.kind]++;
    }
  }
  const parts = [
    `${totals.certificate} certificate${totals.certificate === 1 ? '' : 's'}`,
    `${totals.csr} certificate request${totals.csr === 1 ? '' : 's'}`,
    `${totals.key} key${totals.key === 1 ? '' : 's'}`,
  ];
  if (totals.failed > 0) parts.push(`${totals.failed} that ${totals.failed === 1 ? 'does' : 'do'} not decode`);
  const files = run.files.filter((file) => file.blocks.length > 0).length;
  return `${parts.join(', ')} in ${files} file${files === 1 ? '' : 's'}`;
}

export function formatDecodeText(run: DecodeRun, colour: boolean): string {
  const colours = palette(colour);
  const out: string[] = [];
  for (const file of run.files) {
    if (file.blocks.length === 0 && file.skipped.length === 0) continue;
    const sections = file.blocks.map((decoded, index) => section(file, decoded, index, colours));
    for (const block of file.skipped)
      sections.push(`${colours.dim(`(${block.label} block not decoded — ${blockPlace(block, file.lineIndex)})`)}`);
    out.push([colours.underline(file.path), ...sections].join('\n\n'));
  }
  const unreadable = run.problems.filter((problem) => !(problem instanceof NothingToCheckError)).length;
  if (unreadable > 0 && run.files.length === 0) return '';
  out.push(
    unreadable > 0
      ? `${count(run)}; INCOMPLETE: ${unreadable} ${unreadable === 1 ? 'path' : 'paths'} could not be read (see the errors)`
      : count(run),
  );
  return `${out.join('\n\n')}\n`;
}
