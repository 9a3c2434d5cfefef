// 1. Diagnostics latency over LSP, per manifest size: didOpen → publishDiagnostics and a
// one-character didChange inside one entry's value → publishDiagnostics, for our server and
// yaml-language-server (up to compareUpTo), beside the floor: yaml's parse with positions of the
// same text plus the precompiled validator on its data, in this process, warm.
//
// The three are taken in interleaved rounds (a floor run, our open, yaml-language-server's open;
// then our edit, its edit), so that load from other processes on a shared machine falls on all of
// them alike and the ratios stay meaningful even when the absolute figures do not.
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import validateManifest from '../../server/src/service/generated/validateManifest';
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import { editedText, type GeneratedManifest } from '../generate/manifests';
import { diagnosticsKey, type LspProcess, type Published } from '../lsp/lspProcess';
import { startOurServer, startYamlLanguageServer, waitForYamlSchema } from '../lsp/servers';
import { median, MIB, type FigureSpec } from '../report/figures';

/** A pause between repetitions, longer than either server's debounce, so that nothing late is taken for an answer. */
const SETTLE_MS = 250;

export function floorOnce(text: string): number {
  const parsed = parseAllDocuments(text);
  const documents = Array.isArray(parsed) ? parsed : [];
  let valid = 0;
  for (const document of documents) if (validateManifest(document.toJS({ maxAliasCount: 100 }))) valid++;
  return documents.length + valid;
}

function timeFloorOnce(text: string): number {
  const started = performance.now();
  floorOnce(text);
  return performance.now() - started;
}

function timeoutFor(entries: number): number {
  return entries >= 100_000 ? 600_000 : 180_000;
}

/** One server under measurement: its samples, and what stopped it if something did. */
class Contender {
  readonly open: number[] = [];
  readonly edit: number[] = [];
  problem: string | undefined;
  editUri = '';
  lastEdit: Published | undefined;
  /** The diagnostics of the last open, by code: shows what was measured (and catches a file-too-large shortcut). */
  codes = new Map<string, number>();

  constructor(
    readonly key: 'ours' | 'yaml',
    readonly server: LspProcess,
    /** Our server publishes the version it checked; yaml-language-server publishes none. */
    readonly versioned: boolean,
    readonly repetitions: number,
  ) {}

  get active(): boolean {
    return this.problem === undefined;
  }

  accepts(version: number) {
    return (params: { version?: number | null }) => !this.versioned || params.version === version;
  }

  /** Runs one step; a failure retires this contender (with the reason) and leaves the others running. */
  async step(run: () => Promise<void>): Promise<void> {
    if (!this.active) return;
    try {
      await run();
    } catch (error) {
      this.problem = `${this.server.options.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

async function timeOpen(
  context: BenchContext,
  contender: Contender,
  manifest: GeneratedManifest,
  round: number,
): Promise<number> {
  const { server } = contender;
  const uri = documentUri(context, `${contender.key}-open-${manifest.entries}-${round}.yaml`);
  const from = server.published.length;
  const sent = await server.open(uri, manifest.text);
  const got = await server.diagnosticsAfter(uri, from, contender.accepts(1), timeoutFor(manifest.entries));
  await server.close(uri);
  contender.codes = new Map();
  for (const diagnostic of got.params.diagnostics)
    contender.codes.set(String(diagnostic.code), (contender.codes.get(String(diagnostic.code)) ?? 0) + 1);
  if (contender.codes.has('file-too-large')) throw new Error('the server did not analyse the file (file-too-large)');
  return got.at - sent;
}

function describeCodes(contender: Contender | undefined): string | undefined {
  if (!contender || contender.codes.size === 0) return contender ? 'no diagnostics' : undefined;
  const total = [...contender.codes.values()].reduce((sum, count) => sum + count, 0);
  return `${total.toLocaleString('en-US')} ${total === 1 ? 'diagnostic' : 'diagnostics'}`;
}

async function openForEdits(context: BenchContext, contender: Contender, manifest: GeneratedManifest): Promise<void> {
  const { server } = contender;
  contender.editUri = documentUri(context, `${contender.key}-edit-${manifest.entries}.yaml`);
  const from = server.published.length;
  await server.open(contender.editUri, manifest.text);
  await server.diagnosticsAfter(contender.editUri, from, contender.accepts(1), timeoutFor(manifest.entries));
}

/** Edit number `count` (from 1) makes version count + 1: odd counts write the replacement digit, even ones put the original back. */
async function timeEdit(contender: Contender, manifest: GeneratedManifest, count: number): Promise<number> {
  const { server } = contender;
  const { position, original, replacement } = manifest.probes.edit;
  const range = { start: position, end: { line: position.line, character: position.character + 1 } };
  const version = count + 1;
  const from = server.published.length;
  const sent = await server.change(contender.editUri, version, [{ range, text: count % 2 ? replacement : original }]);
  contender.lastEdit = await server.diagnosticsAfter(
    contender.editUri,
    from,
    contender.accepts(version),
    timeoutFor(manifest.entries),
  );
  return contender.lastEdit.at - sent;
}

/** Whether the diagnostics after `edits` edits equal those of opening the edited text afresh. */
async function matchesFreshOpen(
  context: BenchContext,
  contender: Contender,
  manifest: GeneratedManifest,
  edits: number,
): Promise<boolean> {
  const { server } = contender;
  const uri = documentUri(context, `${contender.key}-fresh-${manifest.entries}.yaml`);
  const from = server.published.length;
  await server.open(uri, editedText(manifest, edits));
  const fresh = await server.diagnosticsAfter(uri, from, contender.accepts(1), timeoutFor(manifest.entries));
  await server.close(uri);
  return diagnosticsKey(fresh.params.diagnostics) === diagnosticsKey(contender.lastEdit?.params.diagnostics ?? []);
}

function specs(entries: number, bytes: number, context: BenchContext) {
  const size = entries.toLocaleString('en-US');
  const group = `1. Diagnostics, ${size} entries (${(bytes / 1024).toFixed(0)} KiB)`;
  const atTarget = entries === context.config.targetSize;
  const spec = (label: string, unit: FigureSpec['unit'], extra: Partial<FigureSpec> = {}): FigureSpec => ({
    group,
    label,
    unit,
    ...extra,
  });
  return {
    floor: spec('open: floor (yaml parse with positions + validator, in-process)', 'ms'),
    oursOpen: spec('open → diagnostics: ours', 'ms'),
    yamlOpen: spec('open → diagnostics: yaml-language-server', 'ms'),
    openOverFloor: spec(
      'open: ours / floor',
      '×',
      atTarget ? { target: { op: '<=', limit: 1.2, text: '≤ 1.2×' } } : {},
    ),
    openOverYaml: spec('open: ours / yaml-language-server', '×'),
    oursEdit: spec('1-character edit → diagnostics: ours', 'ms'),
    yamlEdit: spec('1-character edit → diagnostics: yaml-language-server', 'ms'),
    editOverYaml: spec(
      'edit: ours / yaml-language-server',
      '×',
      atTarget ? { target: { op: '<=', limit: 0.1, text: '≤ 0.1× (10× faster)' } } : {},
    ),
    editOverFloor: spec('edit: ours / floor (below 1: no full re-parse)', '×'),
    consistent: spec('diagnostics after the edits equal a fresh open', 'check', {
      target: { op: '=', limit: 1, text: 'yes' },
    }),
  };
}

async function startContenders(
  context: BenchContext,
  entries: number,
): Promise<{ contenders: Contender[]; problems: Record<'ours' | 'yaml', string> }> {
  const { config, repoRoot } = context;
  const contenders: Contender[] = [];
  const problems = { ours: 'not measured', yaml: 'not measured' };
  const repetitions = config.repetitions(entries);
  try {
    const server = await startOurServer({
      repoRoot,
      workspaceFolder: context.workspace,
      profileDir: profileFolder(context, `diagnostics-${entries}`),
    });
    contenders.push(new Contender('ours', server, true, repetitions));
  } catch (error) {
    problems.ours = `our server did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (entries <= config.compareUpTo) {
    let yaml: LspProcess | undefined;
    try {
      yaml = await startYamlLanguageServer(repoRoot, context.workspace);
      await waitForYamlSchema(yaml, documentUri(context, 'schema-check.yaml'));
      contenders.push(new Contender('yaml', yaml, false, Math.min(repetitions, config.yamlRepetitions)));
    } catch (error) {
      await yaml?.stop();
      problems.yaml = `yaml-language-server: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { contenders, problems };
}

export async function measureDiagnostics(context: BenchContext): Promise<void> {
  const { config, figures, inputs, log } = context;
  for (const entries of config.manifestSizes) {
    const manifest = inputs.manifest(entries);
    const spec = specs(entries, Buffer.byteLength(manifest.text), context);
    const repetitions = config.repetitions(entries);
    const id = (name: keyof typeof spec) => `diagnostics.${name}@${entries}`;

    log(`diagnostics ${entries}: starting the servers`);
    const { contenders, problems } = await startContenders(context, entries);
    const ours = contenders.find((contender) => contender.key === 'ours');
    const yaml = contenders.find((contender) => contender.key === 'yaml');
    const floorSamples: number[] = [];
    let consistent: boolean | undefined;
    try {
      floorOnce(manifest.text);
      for (let round = 0; round <= repetitions; round++) {
        log(`diagnostics ${entries}: open, round ${round} of ${repetitions}${round === 0 ? ' (warm-up)' : ''}`);
        if (round > 0) floorSamples.push(timeFloorOnce(manifest.text));
        for (const contender of contenders) {
          if (round > contender.repetitions) continue;
          await contender.step(async () => {
            const ms = await timeOpen(context, contender, manifest, round);
            if (round > 0) contender.open.push(ms);
          });
        }
        await pause(SETTLE_MS);
      }
      for (const contender of contenders) await contender.step(() => openForEdits(context, contender, manifest));
      await pause(SETTLE_MS);
      for (let count = 1; count <= repetitions + 1; count++) {
        log(`diagnostics ${entries}: edit ${count - 1} of ${repetitions}${count === 1 ? ' (warm-up)' : ''}`);
        for (const contender of contenders) {
          if (count > contender.repetitions + 1) continue;
          await contender.step(async () => {
            const ms = await timeEdit(contender, manifest, count);
            if (count > 1) contender.edit.push(ms);
          });
        }
        await pause(SETTLE_MS);
      }
      if (ours && entries <= config.targetSize)
        await ours.step(
          async () => void (consistent = await matchesFreshOpen(context, ours, manifest, repetitions + 1)),
        );
      if (yaml?.active && entries === config.compareUpTo) recordYamlMemory(context, yaml.server, entries);
    } finally {
      for (const contender of contenders) await contender.server.stop();
    }

    const floor = median(floorSamples);
    figures.add(id('floor'), spec.floor, floor, floorSamples);
    const problemOf = (key: 'ours' | 'yaml') =>
      contenders.find((contender) => contender.key === key)?.problem ?? problems[key];
    const record = (
      key: keyof typeof spec,
      value: number | undefined,
      samples?: number[],
      problem?: string,
      note?: string,
    ) => {
      if (value !== undefined && Number.isFinite(value)) figures.add(id(key), { ...spec[key], note }, value, samples);
      else figures.unavailable(id(key), spec[key], problem ?? 'not measured');
    };
    const oursOk = ours?.active && ours.open.length > 0 && ours.edit.length > 0;
    const yamlOk = yaml?.active && yaml.open.length > 0 && yaml.edit.length > 0;
    record('oursOpen', oursOk ? median(ours.open) : undefined, ours?.open, problemOf('ours'), describeCodes(ours));
    record('openOverFloor', oursOk ? median(ours.open) / floor : undefined, undefined, problemOf('ours'));
    record('oursEdit', oursOk ? median(ours.edit) : undefined, ours?.edit, problemOf('ours'));
    record('editOverFloor', oursOk ? median(ours.edit) / floor : undefined, undefined, problemOf('ours'));
    if (entries <= config.targetSize)
      record('consistent', consistent === undefined ? undefined : consistent ? 1 : 0, undefined, problemOf('ours'));
    if (entries <= config.compareUpTo) {
      const both = [oursOk ? undefined : problemOf('ours'), yamlOk ? undefined : problemOf('yaml')]
        .filter(Boolean)
        .join('; ');
      record('yamlOpen', yamlOk ? median(yaml.open) : undefined, yaml?.open, problemOf('yaml'), describeCodes(yaml));
      record('yamlEdit', yamlOk ? median(yaml.edit) : undefined, yaml?.edit, problemOf('yaml'));
      record('openOverYaml', oursOk && yamlOk ? median(ours.open) / median(yaml.open) : undefined, undefined, both);
      record('editOverYaml', oursOk && yamlOk ? median(ours.edit) / median(yaml.edit) : undefined, undefined, both);
      if (entries === config.compareUpTo && !figures.get(`memory.yamlls@${entries}`))
        recordYamlMemory(context, undefined, entries, problemOf('yaml'));
    }
  }
}

const MEMORY_GROUP = '6. Memory (server resident set, /proc VmRSS)';

function recordYamlMemory(
  context: BenchContext,
  yaml: LspProcess | undefined,
  entries: number,
  problem = '/proc is not readable here',
): void {
  const { config, figures } = context;
  const memory = yaml?.memory();
  const runs = config.yamlRepetitions + 1;
  const spec: FigureSpec = {
    group: MEMORY_GROUP,
    label: `yaml-language-server after ${runs} opens and ${runs} edits of ${entries.toLocaleString('en-US')} entries`,
    unit: 'MiB',
  };
  if (memory) figures.add(`memory.yamlls@${entries}`, spec, memory.rss / MIB);
  else figures.unavailable(`memory.yamlls@${entries}`, spec, problem);
}
