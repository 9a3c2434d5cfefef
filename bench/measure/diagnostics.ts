// 1. Diagnostics latency over LSP, per manifest size: didOpen → publishDiagnostics and a
// one-character didChange inside one entry's value → publishDiagnostics, for our server and
// yaml-language-server (up to compareUpTo), beside the floor: yaml's parse with positions of the
// same text plus the precompiled validator on its data, in this process, warm.
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

export function timeFloor(text: string, repetitions: number): number[] {
  floorOnce(text);
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const started = performance.now();
    floorOnce(text);
    samples.push(performance.now() - started);
  }
  return samples;
}

interface ServerTimes {
  open: number[];
  edit: number[];
  /** Whether the diagnostics after the edits equal those of opening the edited text afresh. */
  consistent?: boolean;
}

function timeoutFor(entries: number): number {
  return entries >= 100_000 ? 600_000 : 180_000;
}

/** Warm opens (the first is discarded), each of a new URI, then edits of one document (the first discarded). */
async function timeServer(context: BenchContext, server: LspProcess, manifest: GeneratedManifest, repetitions: number, versioned: boolean, checkConsistency: boolean): Promise<ServerTimes> {
  const entries = manifest.entries;
  const timeout = timeoutFor(entries);
  const ofVersion = (version: number) => (params: { version?: number | null }) => !versioned || params.version === version;
  const open: number[] = [];
  for (let r = 0; r <= repetitions; r++) {
    const uri = documentUri(context, `open-${entries}-${r}.yaml`);
    const from = server.published.length;
    const sent = await server.open(uri, manifest.text);
    const got = await server.diagnosticsAfter(uri, from, ofVersion(1), timeout);
    if (r > 0) open.push(got.at - sent);
    await server.close(uri);
    await pause(SETTLE_MS);
  }

  const uri = documentUri(context, `edit-${entries}.yaml`);
  let from = server.published.length;
  await server.open(uri, manifest.text);
  await server.diagnosticsAfter(uri, from, ofVersion(1), timeout);
  await pause(SETTLE_MS);
  const { position, original, replacement } = manifest.probes.edit;
  const range = { start: position, end: { line: position.line, character: position.character + 1 } };
  const edit: number[] = [];
  let last: Published | undefined;
  let version = 1;
  for (let count = 1; count <= repetitions + 1; count++) {
    version++;
    from = server.published.length;
    const sent = await server.change(uri, version, [{ range, text: count % 2 ? replacement : original }]);
    last = await server.diagnosticsAfter(uri, from, ofVersion(version), timeout);
    if (count > 1) edit.push(last.at - sent);
    await pause(SETTLE_MS);
  }
  await server.close(uri);

  let consistent: boolean | undefined;
  if (checkConsistency && last) {
    const freshUri = documentUri(context, `fresh-${entries}.yaml`);
    from = server.published.length;
    await server.open(freshUri, editedText(manifest, repetitions + 1));
    const fresh = await server.diagnosticsAfter(freshUri, from, ofVersion(1), timeout);
    consistent = diagnosticsKey(fresh.params.diagnostics) === diagnosticsKey(last.params.diagnostics);
    await server.close(freshUri);
  }
  return { open, edit, consistent };
}

function specs(entries: number, bytes: number, context: BenchContext) {
  const size = entries.toLocaleString('en-US');
  const group = `1. Diagnostics, ${size} entries (${(bytes / 1024).toFixed(0)} KiB)`;
  const atTarget = entries === context.config.targetSize;
  const spec = (label: string, unit: FigureSpec['unit'], extra: Partial<FigureSpec> = {}): FigureSpec => ({ group, label, unit, ...extra });
  return {
    floor: spec('open: floor (yaml parse with positions + validator, in-process)', 'ms'),
    oursOpen: spec('open → diagnostics: ours', 'ms'),
    yamlOpen: spec('open → diagnostics: yaml-language-server', 'ms'),
    openOverFloor: spec('open: ours / floor', '×', atTarget ? { target: { op: '<=', limit: 1.2, text: '≤ 1.2×' } } : {}),
    openOverYaml: spec('open: ours / yaml-language-server', '×'),
    oursEdit: spec('1-character edit → diagnostics: ours', 'ms'),
    yamlEdit: spec('1-character edit → diagnostics: yaml-language-server', 'ms'),
    editOverYaml: spec('edit: ours / yaml-language-server', '×', atTarget ? { target: { op: '<=', limit: 0.1, text: '≤ 0.1× (10× faster)' } } : {}),
    editOverFloor: spec('edit: ours / floor (below 1: no full re-parse)', '×'),
    consistent: spec('diagnostics after the edits equal a fresh open', 'check', { target: { op: '=', limit: 1, text: 'yes' } }),
  };
}

export async function measureDiagnostics(context: BenchContext): Promise<void> {
  const { config, figures, inputs, repoRoot, log } = context;
  for (const entries of config.manifestSizes) {
    const manifest = inputs.manifest(entries);
    const spec = specs(entries, Buffer.byteLength(manifest.text), context);
    const repetitions = config.repetitions(entries);
    const id = (name: keyof typeof spec) => `diagnostics.${name}@${entries}`;
    const expected: (keyof typeof spec)[] = ['floor', 'oursOpen', 'openOverFloor', 'oursEdit', 'editOverFloor'];
    if (entries <= config.targetSize) expected.push('consistent');
    if (entries <= config.compareUpTo) expected.push('yamlOpen', 'openOverYaml', 'yamlEdit', 'editOverYaml');
    let ourProblem = 'not measured';
    let yamlProblem = 'not measured';

    log(`diagnostics ${entries}: floor`);
    const floorSamples = timeFloor(manifest.text, repetitions);
    const floor = median(floorSamples);
    figures.add(id('floor'), spec.floor, floor, floorSamples);

    log(`diagnostics ${entries}: our server`);
    let ours: ServerTimes | undefined;
    let server: LspProcess | undefined;
    try {
      server = await startOurServer({ repoRoot, workspaceFolder: context.workspace, profileDir: profileFolder(context, `diagnostics-${entries}`) });
      ours = await timeServer(context, server, manifest, repetitions, true, entries <= config.targetSize);
      figures.add(id('oursOpen'), spec.oursOpen, median(ours.open), ours.open);
      figures.add(id('openOverFloor'), spec.openOverFloor, median(ours.open) / floor);
      figures.add(id('oursEdit'), spec.oursEdit, median(ours.edit), ours.edit);
      figures.add(id('editOverFloor'), spec.editOverFloor, median(ours.edit) / floor);
      if (ours.consistent !== undefined) figures.add(id('consistent'), spec.consistent, ours.consistent ? 1 : 0);
    } catch (error) {
      ourProblem = `our server: ${error instanceof Error ? error.message : String(error)}`;
      ours = undefined;
    } finally {
      await server?.stop();
    }

    if (entries <= config.compareUpTo) {
      log(`diagnostics ${entries}: yaml-language-server`);
      let yaml: LspProcess | undefined;
      try {
        yaml = await startYamlLanguageServer(repoRoot, context.workspace);
        await waitForYamlSchema(yaml, documentUri(context, 'schema-check.yaml'));
        const times = await timeServer(context, yaml, manifest, config.yamlRepetitions, false, false);
        figures.add(id('yamlOpen'), spec.yamlOpen, median(times.open), times.open);
        figures.add(id('yamlEdit'), spec.yamlEdit, median(times.edit), times.edit);
        if (ours) {
          figures.add(id('openOverYaml'), spec.openOverYaml, median(ours.open) / median(times.open));
          figures.add(id('editOverYaml'), spec.editOverYaml, median(ours.edit) / median(times.edit));
        }
        if (entries === config.compareUpTo) recordYamlMemory(context, yaml, entries);
      } catch (error) {
        yamlProblem = `yaml-language-server: ${error instanceof Error ? error.message : String(error)}`;
      } finally {
        await yaml?.stop();
      }
    }

    for (const key of expected) {
      if (figures.get(id(key))) continue;
      const reason = key.startsWith('yaml') ? yamlProblem : key.endsWith('OverYaml') ? [ourProblem, yamlProblem].filter((p) => p !== 'not measured').join('; ') || 'not measured' : ourProblem;
      figures.unavailable(id(key), spec[key], reason);
    }
    if (entries === config.compareUpTo && !figures.get(`memory.yamlls@${entries}`)) recordYamlMemory(context, undefined, entries, yamlProblem);
  }
}

const MEMORY_GROUP = '6. Memory (server resident set, /proc VmRSS)';

function recordYamlMemory(context: BenchContext, yaml: LspProcess | undefined, entries: number, problem = '/proc is not readable here'): void {
  const { config, figures } = context;
  const memory = yaml?.memory();
  const spec: FigureSpec = {
    group: MEMORY_GROUP,
    label: `yaml-language-server after ${config.yamlRepetitions + 1} opens and ${config.yamlRepetitions + 1} edits of ${entries.toLocaleString('en-US')} entries`,
    unit: 'MiB',
  };
  if (memory) figures.add(`memory.yamlls@${entries}`, spec, memory.rss / MIB);
  else figures.unavailable(`memory.yamlls@${entries}`, spec, problem);
}
