// The figures of the diagnostics measurement (diagnostics.ts) and their targets: per manifest the
// floor, our opens (the first after start, the first after a second of idle time, and the warm median), our edits, the JSON size of what
// was published, yaml-language-server's on the same file and the ratios; for the findings-dense
// manifest its ratios to the few-findings one of the same size; and the growth of the edit from
// the target size to ten times it. Ids: `diagnostics.<figure>@<entries>`, and
// `diagnostics.<figure>@dense-<entries>` for the findings-dense manifest.
import type { BenchContext } from '../context';
import type { EditProbeName, GeneratedManifest } from '../generate/manifests';
import { median, type FigureSpec, type Target } from '../report/figures';

export interface ContenderSamples {
  open: number[];
  /** The first open after the server's start. */
  firstOpen: number | undefined;
  edits: Record<EditProbeName, number[]>;
  openBytes: number[];
  editBytes: number[];
  codes: Map<string, number>;
}

export interface CaseSamples {
  floor: number[];
  /** Undefined when the server failed (the reason is in `problems`). */
  ours: ContenderSamples | undefined;
  yaml: ContenderSamples | undefined;
  problems: Record<'ours' | 'yaml', string>;
  consistent: boolean | undefined;
  /** Our first open after a second of idle time since the start (the server warms up meanwhile). */
  oursFirstOpenAfterIdle?: number;
}

const at = (limit: number, text: string): Target => ({ op: '<=', limit, text });

function describeCodes(samples: ContenderSamples | undefined): string | undefined {
  if (!samples) return undefined;
  const total = [...samples.codes.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0) return 'no diagnostics';
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'diagnostic' : 'diagnostics'}`;
}

/** The id suffix of a manifest: its size, and `dense-` before it for the findings-dense one. */
export function caseKey(manifest: Pick<GeneratedManifest, 'entries' | 'findings'>): string {
  return `${manifest.findings === 'dense' ? 'dense-' : ''}${manifest.entries}`;
}

export function recordCase(context: BenchContext, manifest: GeneratedManifest, samples: CaseSamples): void {
  const { config, figures } = context;
  const { entries, findings } = manifest;
  const dense = findings === 'dense';
  const key = caseKey(manifest);
  const atTarget = entries === config.targetSize;
  const compared = entries <= config.compareUpTo;
  const size = entries.toLocaleString('en-US');
  const kib = (Buffer.byteLength(manifest.text) / 1024).toFixed(0);
  const group = `1. Diagnostics, ${size} entries${dense ? ', findings-dense (two in three entries with a finding)' : ''} (${kib} KiB)`;
  const { ours, yaml, problems } = samples;
  const both = [ours ? undefined : problems.ours, yaml ? undefined : problems.yaml].filter(Boolean).join('; ');

  const record = (
    name: string,
    spec: Omit<FigureSpec, 'group'>,
    value: number | undefined,
    problem: string,
    values?: number[],
  ) => {
    const id = `diagnostics.${name}@${key}`;
    if (value !== undefined && Number.isFinite(value)) figures.add(id, { group, ...spec }, value, values);
    else figures.unavailable(id, { group, ...spec }, problem || 'not measured');
  };
  const ms = (label: string, target?: Target, note?: string): Omit<FigureSpec, 'group'> => ({
    label,
    unit: 'ms',
    target,
    note,
  });
  const ratio = (label: string, target?: Target): Omit<FigureSpec, 'group'> => ({ label, unit: '×', target });
  const floor = median(samples.floor);
  const oursOpen = ours && median(ours.open);
  const oursEdit = ours && median(ours.edits.edit);
  const oursDescriptionEdit = ours && median(ours.edits.descriptionEdit);

  record(
    'floor',
    ms('open: floor (yaml parse with positions + validator, in-process)'),
    floor,
    'not measured',
    samples.floor,
  );
  record('oursFirstOpen', ms('first open after start → diagnostics: ours'), ours?.firstOpen, problems.ours);
  if (entries <= config.targetSize)
    record(
      'oursFirstOpenAfterIdle',
      ms('first open 1 s after start (idle warm-up) → diagnostics: ours'),
      samples.oursFirstOpenAfterIdle,
      problems.ours,
    );
  record(
    'oursOpen',
    ms('open → diagnostics: ours', undefined, describeCodes(ours)),
    oursOpen,
    problems.ours,
    ours?.open,
  );
  record(
    'openOverFloor',
    ratio('open: ours / floor', atTarget ? (dense ? at(1.3, '≤ 1.3×') : at(1.2, '≤ 1.2×')) : undefined),
    oursOpen !== undefined ? oursOpen / floor : undefined,
    problems.ours,
  );
  record('oursEdit', ms('1-character edit in a serial → diagnostics: ours'), oursEdit, problems.ours, ours?.edits.edit);
  record(
    'oursDescriptionEdit',
    ms('1-character edit in a description → diagnostics: ours'),
    oursDescriptionEdit,
    problems.ours,
    ours?.edits.descriptionEdit,
  );
  record(
    'editOverFloor',
    ratio('edit: ours / floor (below 1: no full re-parse)'),
    oursEdit !== undefined ? oursEdit / floor : undefined,
    problems.ours,
  );
  record(
    'openBytes',
    { label: 'publishDiagnostics after an open: ours (JSON)', unit: 'KiB' },
    ours && median(ours.openBytes) / 1024,
    problems.ours,
  );
  record(
    'editBytes',
    { label: 'publishDiagnostics after an edit: ours (JSON)', unit: 'KiB' },
    ours && median(ours.editBytes) / 1024,
    problems.ours,
  );
  if (entries <= config.targetSize)
    record(
      'consistent',
      {
        label: 'diagnostics after the edits equal a fresh open',
        unit: 'check',
        target: { op: '=', limit: 1, text: 'yes' },
      },
      samples.consistent === undefined ? undefined : samples.consistent ? 1 : 0,
      problems.ours,
    );
  if (dense && atTarget) recordOverFew(context, key, group, oursEdit, oursDescriptionEdit, problems.ours);
  if (!compared) return;

  const yamlEdit = yaml && median(yaml.edits.edit);
  const yamlDescriptionEdit = yaml && median(yaml.edits.descriptionEdit);
  const yamlOpen = yaml && median(yaml.open);
  record(
    'yamlFirstOpen',
    ms('first open after start → diagnostics: yaml-language-server'),
    yaml?.firstOpen,
    problems.yaml,
  );
  record(
    'yamlOpen',
    ms('open → diagnostics: yaml-language-server', undefined, describeCodes(yaml)),
    yamlOpen,
    problems.yaml,
    yaml?.open,
  );
  record(
    'yamlEdit',
    ms('1-character edit in a serial → diagnostics: yaml-language-server'),
    yamlEdit,
    problems.yaml,
    yaml?.edits.edit,
  );
  record(
    'yamlDescriptionEdit',
    ms('1-character edit in a description → diagnostics: yaml-language-server'),
    yamlDescriptionEdit,
    problems.yaml,
    yaml?.edits.descriptionEdit,
  );
  record(
    'yamlOpenBytes',
    { label: 'publishDiagnostics after an open: yaml-language-server (JSON)', unit: 'KiB' },
    yaml && median(yaml.openBytes) / 1024,
    problems.yaml,
  );
  const over = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined ? a / b : undefined;
  record(
    'firstOpenOverYaml',
    ratio('first open after start: ours / yaml-language-server', atTarget ? at(0.6, '≤ 0.6×') : undefined),
    over(ours?.firstOpen, yaml?.firstOpen),
    both,
  );
  record('openOverYaml', ratio('open: ours / yaml-language-server'), over(oursOpen, yamlOpen), both);
  const tenTimes = atTarget ? at(0.1, '≤ 0.1× (10× faster)') : undefined;
  record(
    'editOverYaml',
    ratio('edit in a serial: ours / yaml-language-server', tenTimes),
    over(oursEdit, yamlEdit),
    both,
  );
  record(
    'descriptionEditOverYaml',
    ratio('edit in a description: ours / yaml-language-server', dense ? tenTimes : undefined),
    over(oursDescriptionEdit, yamlDescriptionEdit),
    both,
  );
}

/** The findings-dense edits over the few-findings ones of the same size, measured earlier in the run. */
function recordOverFew(
  context: BenchContext,
  key: string,
  group: string,
  edit: number | undefined,
  descriptionEdit: number | undefined,
  problem: string,
): void {
  const { config, figures } = context;
  const few = `@${config.targetSize}`;
  const missing = `the few-findings manifest of ${config.targetSize.toLocaleString('en-US')} entries was not measured in this run (--only diagnostics,dense)`;
  const target = at(1.5, '≤ 1.5×');
  for (const [name, label, value, fewId] of [
    ['editOverFew', 'edit in a serial: dense / few findings', edit, `diagnostics.oursEdit${few}`],
    [
      'descriptionEditOverFew',
      'edit in a description: dense / few findings',
      descriptionEdit,
      `diagnostics.oursDescriptionEdit${few}`,
    ],
  ] as const) {
    const spec: FigureSpec = { group, label, unit: '×', target };
    const fewValue = figures.valueOf(fewId);
    if (value === undefined) figures.unavailable(`diagnostics.${name}@${key}`, spec, problem);
    else if (fewValue === undefined) figures.unavailable(`diagnostics.${name}@${key}`, spec, missing);
    else figures.add(`diagnostics.${name}@${key}`, spec, value / fewValue);
  }
}

/** The edit of ten times the target size over the edit of the target size: the cost follows the change, not the file. */
export function recordGrowth(context: BenchContext): void {
  const { config, figures } = context;
  const small = config.targetSize;
  const large = small * 10;
  if (!config.manifestSizes.includes(large) || !config.manifestSizes.includes(small)) return;
  const spec: FigureSpec = {
    group:
      figures.get(`diagnostics.oursEdit@${large}`)?.group ?? `1. Diagnostics, ${large.toLocaleString('en-US')} entries`,
    label: `1-character edit: ${large.toLocaleString('en-US')} / ${small.toLocaleString('en-US')} entries`,
    unit: '×',
    target: at(3, '≤ 3×'),
  };
  const a = figures.valueOf(`diagnostics.oursEdit@${large}`);
  const b = figures.valueOf(`diagnostics.oursEdit@${small}`);
  if (a === undefined || b === undefined)
    figures.unavailable('diagnostics.editGrowth', spec, 'an edit was not measured');
  else figures.add('diagnostics.editGrowth', spec, a / b);
}
