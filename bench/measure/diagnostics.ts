// 1. Diagnostics latency over LSP, per manifest (each size with few findings, and a findings-dense
// one at the target size): didOpen → publishDiagnostics, the first open after the server's start
// apart from the warm ones, and one-character didChanges inside one entry (in its serial, in its
// description) → publishDiagnostics, for our server and yaml-language-server (up to
// compareUpTo), beside the floor: yaml's parse with positions of the same text plus the
// precompiled validator on its data, in this process, warm. The figures and their targets are in
// diagnosticsFigures.ts.
//
// The three are taken in interleaved rounds (a floor run, our open, yaml-language-server's open;
// then our edit, its edit), so that load from other processes on a shared machine falls on all of
// them alike and the ratios stay meaningful even when the absolute figures do not.
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import validateManifest from '../../server/src/service/generated/validateManifest';
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import { editedText, type EditProbeName, type FindingsDensity, type GeneratedManifest } from '../generate/manifests';
import { diagnosticsKey, type LspProcess, type Published } from '../lsp/lspProcess';
import { startOurServer, startYamlLanguageServer, waitForYamlSchema } from '../lsp/servers';
import { MIB, type FigureSpec } from '../report/figures';
import { recordCase, recordGrowth, type CaseSamples, type ContenderSamples } from './diagnosticsFigures';

/** A pause between repetitions, longer than either server's debounce, so that nothing late is taken for an answer. */
const SETTLE_MS = 250;

/**
 * Before each timed step, every server must have used no CPU for QUIET_MS (polled from /proc),
 * waiting at most QUIET_LIMIT_MS: yaml-language-server goes on collecting garbage in its 1 GiB
 * heap after it answers, and on two cores that slowed the next step of ours by up to a fifth.
 */
const QUIET_MS = 100;
const QUIET_POLL_MS = 20;
const QUIET_LIMIT_MS = 1500;

async function quiet(contenders: readonly Contender[]): Promise<void> {
  const started = performance.now();
  let quietSince = started;
  let last = contenders.map((contender) => contender.server.cpuMs());
  while (performance.now() - started < QUIET_LIMIT_MS) {
    await pause(QUIET_POLL_MS);
    const now = contenders.map((contender) => contender.server.cpuMs());
    if (now.some((ms, i) => ms !== last[i])) quietSince = performance.now();
    else if (performance.now() - quietSince >= QUIET_MS) return;
    last = now;
  }
}

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

/** The edits, in the order each round makes them. */
const EDIT_PROBES: readonly EditProbeName[] = ['edit', 'descriptionEdit'];

/** One server under measurement: its samples, and what stopped it if something did. */
class Contender implements ContenderSamples {
  readonly open: number[] = [];
  firstOpen: number | undefined;
  readonly edits: Record<EditProbeName, number[]> = { edit: [], descriptionEdit: [] };
  /** JSON bytes of each publishDiagnostics after an open, and after an edit. */
  readonly openBytes: number[] = [];
  readonly editBytes: number[] = [];
  problem: string | undefined;
  editUri = '';
  version = 1;
  readonly editCounts: Record<EditProbeName, number> = { edit: 0, descriptionEdit: 0 };
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

const jsonBytes = (published: Published) => Buffer.byteLength(JSON.stringify(published.params));

async function timeOpen(
  context: BenchContext,
  contender: Contender,
  manifest: GeneratedManifest,
  round: number,
): Promise<number> {
  const { server } = contender;
  const uri = documentUri(context, `${contender.key}-open-${manifest.findings}-${manifest.entries}-${round}.yaml`);
  const from = server.published.length;
  const sent = await server.open(uri, manifest.text);
  const got = await server.diagnosticsAfter(uri, from, contender.accepts(1), timeoutFor(manifest.entries));
  await server.close(uri);
  server.forgetPublished();
  contender.codes = new Map();
  for (const diagnostic of got.params.diagnostics)
    contender.codes.set(String(diagnostic.code), (contender.codes.get(String(diagnostic.code)) ?? 0) + 1);
  if (contender.codes.has('file-too-large')) throw new Error('the server did not analyse the file (file-too-large)');
  contender.openBytes.push(jsonBytes(got));
  return got.at - sent;
}

async function openForEdits(context: BenchContext, contender: Contender, manifest: GeneratedManifest): Promise<void> {
  const { server } = contender;
  contender.editUri = documentUri(context, `${contender.key}-edit-${manifest.findings}-${manifest.entries}.yaml`);
  const from = server.published.length;
  await server.open(contender.editUri, manifest.text);
  await server.diagnosticsAfter(contender.editUri, from, contender.accepts(1), timeoutFor(manifest.entries));
}

/** One edit of a probe: each swaps its character, the next one swaps it back. */
async function timeEdit(contender: Contender, manifest: GeneratedManifest, probe: EditProbeName): Promise<number> {
  const { server } = contender;
  const { position, original, replacement } = manifest.probes[probe];
  const range = { start: position, end: { line: position.line, character: position.character + 1 } };
  const count = ++contender.editCounts[probe];
  const version = ++contender.version;
  const from = server.published.length;
  const sent = await server.change(contender.editUri, version, [{ range, text: count % 2 ? replacement : original }]);
  contender.lastEdit = await server.diagnosticsAfter(
    contender.editUri,
    from,
    contender.accepts(version),
    timeoutFor(manifest.entries),
  );
  server.forgetPublished();
  contender.editBytes.push(jsonBytes(contender.lastEdit));
  return contender.lastEdit.at - sent;
}

/** Whether the diagnostics after the edits equal those of opening the edited text afresh. */
async function matchesFreshOpen(
  context: BenchContext,
  contender: Contender,
  manifest: GeneratedManifest,
): Promise<boolean> {
  const { server } = contender;
  const uri = documentUri(context, `${contender.key}-fresh-${manifest.findings}-${manifest.entries}.yaml`);
  const from = server.published.length;
  await server.open(uri, editedText(manifest, contender.editCounts));
  const fresh = await server.diagnosticsAfter(uri, from, contender.accepts(1), timeoutFor(manifest.entries));
  await server.close(uri);
  return diagnosticsKey(fresh.params.diagnostics) === diagnosticsKey(contender.lastEdit?.params.diagnostics ?? []);
}

/**
 * yaml-language-server first (it needs a while to take our schema), then ours, whose first open
 * follows its start at once: as an editor opens a file right after the server is up, with no
 * idle time before it to warm anything in.
 */
async function startContenders(
  context: BenchContext,
  entries: number,
  findings: FindingsDensity,
): Promise<{ contenders: Contender[]; problems: Record<'ours' | 'yaml', string> }> {
  const { config, repoRoot } = context;
  const contenders: Contender[] = [];
  const problems = { ours: 'not measured', yaml: 'not measured' };
  const repetitions = config.repetitions(entries);
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
  try {
    const server = await startOurServer({
      repoRoot,
      workspaceFolder: context.workspace,
      profileDir: profileFolder(context, `diagnostics-${findings === 'dense' ? 'dense-' : ''}${entries}`),
    });
    contenders.unshift(new Contender('ours', server, true, repetitions));
  } catch (error) {
    problems.ours = `our server did not start: ${error instanceof Error ? error.message : String(error)}`;
  }
  return { contenders, problems };
}

/** Pause between our server's start and its first open, in which it warms up as it would in an idle editor. */
const IDLE_AFTER_START_MS = 1000;

/** A fresh server of ours, left idle for a second, then its first open (what a user who opens a file a moment later gets). */
async function firstOpenAfterIdle(context: BenchContext, manifest: GeneratedManifest): Promise<number> {
  const server = await startOurServer({ repoRoot: context.repoRoot, workspaceFolder: context.workspace });
  try {
    await pause(IDLE_AFTER_START_MS);
    const contender = new Contender('ours', server, true, 1);
    return await timeOpen(context, contender, manifest, -1);
  } finally {
    await server.stop();
  }
}

/** Every figure of one manifest: opens (the first after start, then warm ones), edits, the consistency check. */
async function measureManifest(context: BenchContext, manifest: GeneratedManifest): Promise<CaseSamples> {
  const { config, log } = context;
  const { entries, findings } = manifest;
  const name = `diagnostics ${findings === 'dense' ? 'dense ' : ''}${entries}`;
  const repetitions = config.repetitions(entries);
  log(`${name}: starting the servers`);
  const { contenders, problems } = await startContenders(context, entries, findings);
  const ours = contenders.find((contender) => contender.key === 'ours');
  const yaml = contenders.find((contender) => contender.key === 'yaml');
  const floor: number[] = [];
  let consistent: boolean | undefined;
  try {
    for (let round = 0; round <= repetitions; round++) {
      log(`${name}: open, round ${round} of ${repetitions}${round === 0 ? ' (first after start)' : ''}`);
      for (const contender of contenders) {
        if (round > contender.repetitions) continue;
        // Not before the first opens: ours would get idle time to warm up that an editor does not give.
        if (round > 0) await quiet(contenders);
        await contender.step(async () => {
          const ms = await timeOpen(context, contender, manifest, round);
          if (round > 0) contender.open.push(ms);
          else contender.firstOpen = ms;
        });
      }
      // The floor's first run warms yaml and the validator in this process: not a sample.
      if (round === 0) floorOnce(manifest.text);
      else floor.push(timeFloorOnce(manifest.text));
      await pause(SETTLE_MS);
    }
    for (const contender of contenders) await contender.step(() => openForEdits(context, contender, manifest));
    await pause(SETTLE_MS);
    for (let round = 0; round <= repetitions; round++) {
      log(`${name}: edits, round ${round} of ${repetitions}${round === 0 ? ' (warm-up)' : ''}`);
      for (const probe of EDIT_PROBES) {
        for (const contender of contenders) {
          if (round > contender.repetitions) continue;
          await quiet(contenders);
          await contender.step(async () => {
            const ms = await timeEdit(contender, manifest, probe);
            if (round > 0) contender.edits[probe].push(ms);
          });
        }
        await pause(SETTLE_MS);
      }
    }
    if (ours && entries <= config.targetSize)
      await ours.step(async () => void (consistent = await matchesFreshOpen(context, ours, manifest)));
    if (yaml?.active && entries === config.compareUpTo && findings === 'few')
      recordYamlMemory(context, yaml.server, entries);
  } finally {
    for (const contender of contenders) await contender.server.stop();
  }
  let oursFirstOpenAfterIdle: number | undefined;
  if (ours?.active && entries <= config.targetSize) {
    log(`${name}: first open after a second of idle time`);
    oursFirstOpenAfterIdle = await firstOpenAfterIdle(context, manifest).catch(() => undefined);
  }
  const problemOf = (key: 'ours' | 'yaml') =>
    contenders.find((contender) => contender.key === key)?.problem ?? problems[key];
  return {
    floor,
    ours: ours?.active ? ours : undefined,
    yaml: yaml?.active ? yaml : undefined,
    problems: { ours: problemOf('ours'), yaml: problemOf('yaml') },
    consistent,
    oursFirstOpenAfterIdle,
  };
}

export async function measureDiagnostics(context: BenchContext): Promise<void> {
  const { config, figures, inputs } = context;
  for (const entries of config.manifestSizes) {
    const manifest = inputs.manifest(entries);
    recordCase(context, manifest, await measureManifest(context, manifest));
    if (entries === config.compareUpTo && !figures.get(`memory.yamlls@${entries}`))
      recordYamlMemory(context, undefined, entries, figures.get(`diagnostics.yamlOpen@${entries}`)?.reason);
  }
  recordGrowth(context);
}

/** The findings-dense manifest at the target size, beside the few-findings one (`--only dense` runs it alone). */
export async function measureDenseDiagnostics(context: BenchContext): Promise<void> {
  const manifest = context.inputs.manifest(context.config.targetSize, undefined, 'dense');
  recordCase(context, manifest, await measureManifest(context, manifest));
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
