// `npm run bench`: generates (or reuses) the inputs, takes every figure of bench/README.md, prints them as
// one table with targets, and writes bench/results/latest.json. Flags:
//   --quick            small sizes, one repetition (the smoke test runs this)
//   --only a,b         only these measurements: diagnostics, dense, features, decode, inventory, startup, memory,
//                      inlayHints
//   --sizes a,b        manifest sizes of the diagnostics measurement (default 10,1000,10000,100000)
//   --out FILE         write the JSON here instead of bench/results/latest.json
//   --cpu-prof         every server the bench spawns writes a CPU profile (bench/results/profiles/…),
//                      summarised at the end (for the bench process itself: node --cpu-prof bench/run.mjs)
//   --update-readme    put the table and the machine into bench/README.md
//   --readme-from FILE put the results of an earlier run (its JSON) into bench/README.md; measure nothing
//   --check            exit 1 when a target is missed or could not be measured
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { FULL, QUICK, type BenchConfig } from './config';
import { benchWorkspace, type BenchContext } from './context';
import { BenchInputs } from './generate/inputs';
import { measureDecode } from './measure/decode';
import { measureDenseDiagnostics, measureDiagnostics } from './measure/diagnostics';
import { measureFeatures } from './measure/features';
import { measureInlayHints } from './measure/inlayHints';
import { measureInventory } from './measure/inventory';
import { measureMemory } from './measure/memory';
import { measureStartup } from './measure/startup';
import { OUR_SERVER } from './lsp/servers';
import { Figures, type Figure } from './report/figures';
import { findProfiles, summarizeProfile } from './report/profileSummary';
import { renderMarkdown, renderTable } from './report/table';

const MEASUREMENTS = {
  diagnostics: measureDiagnostics,
  dense: measureDenseDiagnostics,
  features: measureFeatures,
  decode: measureDecode,
  inventory: measureInventory,
  startup: measureStartup,
  memory: measureMemory,
  inlayHints: measureInlayHints,
} as const;
type MeasurementName = keyof typeof MEASUREMENTS;

interface Options {
  config: BenchConfig;
  only: MeasurementName[];
  out: string | undefined;
  cpuProf: boolean;
  updateReadme: boolean;
  readmeFrom: string | undefined;
  check: boolean;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

function usage(problem: string): never {
  console.error(`bench: ${problem}`);
  console.error(
    'usage: node bench/run.mjs [--quick] [--only diagnostics,dense,features,decode,inventory,startup,memory,inlayHints] [--sizes N,N] [--out FILE] [--cpu-prof] [--update-readme] [--check]',
  );
  console.error('       node bench/run.mjs --readme-from bench/results/latest.json');
  process.exit(2);
}

function readOptions(args: string[]): Options {
  const options: Options = {
    config: FULL,
    only: Object.keys(MEASUREMENTS) as MeasurementName[],
    out: undefined,
    cpuProf: false,
    updateReadme: false,
    readmeFrom: undefined,
    check: false,
  };
  let sizesAsked: number[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--quick') options.config = QUICK;
    else if (arg === '--cpu-prof') options.cpuProf = true;
    else if (arg === '--update-readme') options.updateReadme = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--out') options.out = args[++i] ?? usage('--out needs a file');
    else if (arg === '--sizes') {
      const sizes = (args[++i] ?? usage('--sizes needs a list')).split(',').map(Number);
      if (!sizes.every((size) => Number.isInteger(size) && size > 0))
        usage('--sizes takes entry counts: --sizes 1000,10000');
      sizesAsked = sizes;
    } else if (arg === '--readme-from') options.readmeFrom = args[++i] ?? usage('--readme-from needs a results file');
    else if (arg === '--only') {
      const names = (args[++i] ?? usage('--only needs a list')).split(',');
      for (const name of names) if (!(name in MEASUREMENTS)) usage(`unknown measurement \`${name}\``);
      options.only = names as MeasurementName[];
    } else usage(`unknown argument \`${arg}\``);
  }
  if (sizesAsked) options.config = { ...options.config, manifestSizes: sizesAsked };
  return options;
}

function gitCommit(root: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function machine() {
  const processors = cpus();
  return {
    cpu: processors[0]?.model ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${process.platform} ${release()}`,
    node: process.version,
  };
}

/** Generates every input the chosen measurements read, before any timing starts. */
function prepareInputs(context: BenchContext, only: readonly MeasurementName[]): void {
  const { config, inputs } = context;
  const wants = (name: MeasurementName) => only.includes(name);
  if (wants('diagnostics')) for (const entries of config.manifestSizes) inputs.manifest(entries);
  if (wants('dense')) inputs.manifest(config.targetSize, undefined, 'dense');
  if (wants('features')) inputs.manifest(config.targetSize);
  if (wants('startup')) inputs.manifest(10);
  if (wants('decode')) inputs.bundle(config.decodeCount);
  if (wants('inventory')) {
    inputs.folder(config.inventoryCount, 1);
    inputs.folder(config.previewCounts[0], 1);
    inputs.folder(config.previewCounts[1], config.largeFolderPerFile);
    inputs.manifest(config.previewEntries, config.previewCounts[0]);
  }
  if (wants('inlayHints')) {
    inputs.manifest(config.targetSize);
    inputs.folder(config.inventoryCount, 1);
  }
  if (wants('memory')) {
    inputs.manifest(config.memory.entries);
    inputs.manifest(config.memory.entries, undefined, 'dense');
    inputs.manifest(config.memory.largeEntries);
    inputs.folder(config.memory.certificates, 1);
  }
}

function summaryLine(figures: readonly Figure[]): string {
  const targets = figures.filter((figure) => figure.target);
  const count = (status: Figure['status']) => targets.filter((figure) => figure.status === status).length;
  return `${targets.length} targets: ${count('met')} met, ${count('missed')} missed, ${count('n/a')} not measured`;
}

interface Results {
  date: string;
  commit: string | undefined;
  quick: boolean;
  measurements: string[];
  machine: ReturnType<typeof machine> & { loadAverageBefore: number[]; loadAverageAfter: number[] };
  durationSeconds: number;
  summary: string;
  figures: Figure[];
  errors: string[];
}

function machineLine(results: Results): string {
  const m = results.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${m.loadAverageBefore[0]} before, ${m.loadAverageAfter[0]} after`;
}

function readmeSection(results: Results): string {
  const run = `Run of ${results.date} (commit ${results.commit ?? 'unknown'}, ${results.durationSeconds} s${results.quick ? ', --quick' : ''}) on ${machineLine(results)}.`;
  return `${run}\n\n${renderMarkdown(results.figures)}\n\n${results.summary}.`;
}

function updateReadme(root: string, markdown: string): void {
  const path = join(root, 'bench', 'README.md');
  const start = '<!-- latest:start -->';
  const end = '<!-- latest:end -->';
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`bench/README.md has no ${start} … ${end} section`);
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${markdown}\n${text.slice(to)}`);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const root = repoRoot();
  if (options.readmeFrom) {
    updateReadme(root, readmeSection(JSON.parse(readFileSync(options.readmeFrom, 'utf8')) as Results));
    console.log(`bench/README.md now shows ${options.readmeFrom}`);
    return;
  }
  if (!existsSync(OUR_SERVER(root))) usage('dist/server.js is missing: build first (`npm run bench` builds)');
  const started = Date.now();
  const log = (message: string) =>
    console.error(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);
  const resultsDir = join(root, 'bench', 'results');
  const profileDir = options.cpuProf
    ? join(resultsDir, 'profiles', new Date().toISOString().replace(/[:.]/g, '-'))
    : undefined;
  const context: BenchContext = {
    repoRoot: root,
    config: options.config,
    inputs: new BenchInputs(root, log),
    figures: new Figures(),
    log,
    workspace: benchWorkspace(),
    profileDir,
  };
  const loadBefore = loadavg();
  log(`inputs (cached under ${relative(root, context.inputs.root)})`);
  prepareInputs(context, options.only);
  const errors: string[] = [];
  for (const name of options.only) {
    log(`measuring ${name}`);
    try {
      await MEASUREMENTS[name](context);
    } catch (error) {
      const message = `${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
      errors.push(message);
      log(`FAILED ${message}`);
    }
  }
  // Grouped by measurement number, then by the order each group first appeared.
  const groupOrder = new Map<string, number>();
  for (const figure of context.figures.list)
    if (!groupOrder.has(figure.group)) groupOrder.set(figure.group, groupOrder.size);
  const figures = [...context.figures.list].sort(
    (a, b) =>
      parseInt(a.group, 10) - parseInt(b.group, 10) || (groupOrder.get(a.group) ?? 0) - (groupOrder.get(b.group) ?? 0),
  );
  const results: Results = {
    date: new Date().toISOString(),
    commit: gitCommit(root),
    quick: options.config.quick,
    measurements: options.only,
    machine: {
      ...machine(),
      loadAverageBefore: loadBefore.map((value) => Math.round(value * 100) / 100),
      loadAverageAfter: loadavg().map((value) => Math.round(value * 100) / 100),
    },
    durationSeconds: Math.round((Date.now() - started) / 100) / 10,
    summary: summaryLine(figures),
    figures,
    errors,
  };
  const out = options.out ?? join(resultsDir, 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    `\nrenew-revocation bench${options.config.quick ? ' (--quick: small sizes, one repetition; targets apply to the full run)' : ''}, ${results.date}, commit ${results.commit ?? 'unknown'}`,
  );
  console.log(`machine: ${machineLine(results)}\n`);
  console.log(renderTable(figures));
  console.log(`\n${results.summary}; ${results.durationSeconds} s; written to ${relative(process.cwd(), out) || out}`);
  for (const error of errors) console.log(`\nmeasurement failed: ${error}`);
  if (profileDir) {
    console.log(`\nCPU profiles (top self time) in ${relative(root, profileDir)}:`);
    const summaries = existsSync(profileDir)
      ? findProfiles(profileDir).map((path) => summarizeProfile(path, root))
      : [];
    console.log(summaries.join('\n\n') || '(none written)');
    if (summaries.length) writeFileSync(join(profileDir, 'summary.txt'), `${summaries.join('\n\n')}\n`);
  }
  if (options.updateReadme) {
    updateReadme(root, readmeSection(results));
  }
  const missed = figures.some((figure) => figure.target && figure.status !== 'met');
  process.exitCode = errors.length ? 1 : options.check && missed ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
