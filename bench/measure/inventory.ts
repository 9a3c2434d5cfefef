// 4. The inventory and the preview. In-process: building an inventory from a folder on disk
// (read every file, the lean path, the inventory model), then the preview of a 1,000-entry
// manifest against 10,000 and 100,000 certificates already in the inventory (its match index
// built), and the growth ratio. Over LSP: the server's own scan of the same folder (spawn → its
// renewRevocation/inventoryChanged notification with every certificate and the scan over) and the
// renewRevocation/preview request against it, as the preview webview asks it: after an edit of
// the manifest (so the server computes a new preview), the first page of kept certificates; then
// the next page ("Show more"), which the server slices from the preview it keeps.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  buildMatchIndex,
  CertificateInventory,
  findPemCertificates,
  type FoundCertificate,
  type InventorySnapshot,
  parseFile,
  previewRevocation,
  readCertificateSummary,
} from '../../server/src/service';
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { GeneratedManifest } from '../generate/manifests';
import type { LspProcess } from '../lsp/lspProcess';
import { INVENTORY_CHANGED, startOurServer, type InventoryChanged } from '../lsp/servers';
import { median, type FigureSpec } from '../report/figures';
import { nodeSha256 } from './decode';
import { DEFAULT_KEPT_PAGE_SIZE, type KeptPage } from '../../server/src/protocol';
import { KEPT_MORE_STEP } from '../../client/src/preview/previewHtml';

export const PREVIEW_METHOD = 'renewRevocation/preview';

/** Reads every file of a folder into a new inventory, as a host would (lean path, one file at a time). */
export function inventoryFromFolder(folder: string): InventorySnapshot {
  const inventory = new CertificateInventory();
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const certificates: FoundCertificate[] = [];
    findPemCertificates(readFileSync(path, 'utf8')).forEach((block, index) => {
      if (!('der' in block)) return;
      const certificate = readCertificateSummary(block.der, nodeSha256);
      if (!('error' in certificate)) certificates.push({ certificate, index, offset: block.offset });
    });
    inventory.setFile(path, { certificates });
  }
  return inventory.snapshot();
}

function timed<T>(run: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = run();
  return { ms: performance.now() - started, value };
}

interface PreviewAnswer {
  certificatesScanned?: number;
  scanning?: boolean;
  revoked?: unknown[];
  notRevocable?: unknown[];
  kept?: unknown[];
  keptTotal?: number;
}

interface ServerFigures {
  buildMs: number;
  previewSamples: number[];
  /** The next page of kept certificates, from the preview the server keeps. */
  pageSamples: number[];
  /** The size of the preview answer as JSON: what the server encodes and the client parses each time. */
  answerBytes: number;
  /** Kept certificates in all (the answer holds the first page of them). */
  keptTotal: number;
}

/** The answer is the preview of every certificate, with one page of the kept ones. */
function checkAnswer(answer: PreviewAnswer | null, count: number, page: KeptPage): PreviewAnswer {
  if (answer?.certificatesScanned !== count)
    throw new Error(`the preview scanned ${answer?.certificatesScanned} certificates, not ${count}`);
  const { revoked = [], notRevocable = [], kept = [], keptTotal } = answer;
  if (keptTotal === undefined) throw new Error('the preview answer has no keptTotal (a server from before kept pages)');
  if (revoked.length + notRevocable.length + keptTotal !== count)
    throw new Error(
      `revoked ${revoked.length} + not revocable ${notRevocable.length} + kept ${keptTotal} ≠ ${count} scanned`,
    );
  const expected = Math.max(0, Math.min(page.limit, keptTotal - page.offset));
  if (kept.length !== expected) throw new Error(`the page holds ${kept.length} kept certificates, not ${expected}`);
  return answer;
}

/**
 * Spawns a server whose settings name `folder` and opens the manifest; the inventory is built when
 * the server says so (renewRevocation/inventoryChanged with every certificate and the scan over);
 * then the preview request, timed.
 */
async function serverInventory(
  context: BenchContext,
  folder: string,
  count: number,
  manifest: GeneratedManifest,
  repetitions: number,
): Promise<ServerFigures | { reason: string }> {
  let server: LspProcess | undefined;
  try {
    server = await startOurServer({
      repoRoot: context.repoRoot,
      workspaceFolder: context.workspace,
      settings: { certificatePaths: [folder] },
      profileDir: profileFolder(context, `inventory-${count}`),
    });
    const uri = documentUri(context, `preview-${count}.yaml`);
    await server.open(uri, manifest.text);
    const built = await server
      .notification<InventoryChanged>(
        INVENTORY_CHANGED,
        (params) => params.certificates >= count && !params.scanning,
        300_000,
      )
      .catch((error: unknown) => {
        const last = server?.notifications.filter((received) => received.method === INVENTORY_CHANGED).pop()?.params as
          InventoryChanged | undefined;
        throw new Error(
          `${error instanceof Error ? error.message : String(error)} (last: ${last ? `${last.certificates} certificates, scanning ${last.scanning}` : 'none'})`,
        );
      });
    const buildMs = built.at - server.spawnedAt;
    const previewSamples: number[] = [];
    const pageSamples: number[] = [];
    let answerBytes = 0;
    let keptTotal = 0;
    const firstPage: KeptPage = { offset: 0, limit: DEFAULT_KEPT_PAGE_SIZE };
    const nextPage: KeptPage = { offset: DEFAULT_KEPT_PAGE_SIZE, limit: KEPT_MORE_STEP };
    const { position, original, replacement } = manifest.probes.edit;
    const range = { start: position, end: { line: position.line, character: position.character + 1 } };
    for (let r = 0; r <= repetitions; r++) {
      // An edit first (the probe's digit, swapped back and forth), its diagnostics awaited: the
      // request then finds no preview of this version and computes one, as after a user's edit.
      if (r > 0) {
        const version = r + 1;
        const from = server.published.length;
        await server.change(uri, version, [{ range, text: r % 2 ? replacement : original }]);
        await server.diagnosticsAfter(uri, from, (params) => params.version === version, 300_000);
      }
      let answer: { ms: number; result: PreviewAnswer | null };
      try {
        answer = await server.timedRequest<PreviewAnswer | null>(
          PREVIEW_METHOD,
          { textDocument: { uri }, kept: firstPage },
          300_000,
        );
      } catch (error) {
        if ((error as { code?: number }).code === -32601)
          return { reason: `the server has no ${PREVIEW_METHOD} request yet` };
        throw error;
      }
      checkAnswer(answer.result, count, firstPage);
      if (r === 0) {
        answerBytes = Buffer.byteLength(JSON.stringify(answer.result));
        keptTotal = answer.result?.keptTotal ?? 0;
      }
      const next = await server.timedRequest<PreviewAnswer | null>(
        PREVIEW_METHOD,
        { textDocument: { uri }, kept: nextPage },
        300_000,
      );
      checkAnswer(next.result, count, nextPage);
      if (r > 0) {
        previewSamples.push(answer.ms);
        pageSamples.push(next.ms);
      }
      await pause(50);
    }
    return { buildMs, previewSamples, pageSamples, answerBytes, keptTotal };
  } catch (error) {
    return { reason: `our server: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    await server?.stop();
  }
}

export async function measureInventory(context: BenchContext): Promise<void> {
  const { config, figures, inputs, log } = context;
  const [small, large] = config.previewCounts;
  const count = (n: number) => n.toLocaleString('en-US');
  const inventoryGroup = '4. Inventory from disk';
  const previewGroup = `4. Preview of ${count(config.previewEntries)} entries`;
  const target = { op: '<', limit: 5000, text: '< 5 s' } as const;

  // The inventory of one certificate per file, as in a PKI folder.
  const pkiFolder = inputs.folder(config.inventoryCount, 1);
  log(`inventory ${config.inventoryCount}: in-process`);
  const builds: number[] = [];
  let pkiSnapshot: InventorySnapshot | undefined;
  for (let r = 0; r < config.inventoryRepetitions; r++) {
    const { ms, value } = timed(() => inventoryFromFolder(pkiFolder));
    if (value.certificates.length !== config.inventoryCount)
      throw new Error(`the inventory holds ${value.certificates.length} of ${config.inventoryCount} certificates`);
    builds.push(ms);
    pkiSnapshot = value;
  }
  figures.add(
    `inventory.inProcess@${config.inventoryCount}`,
    {
      group: inventoryGroup,
      label: `${count(config.inventoryCount)} certificate files → inventory, in-process (read + lean decode + inventory model)`,
      unit: 'ms',
      target,
      note: 'the server\'s own scan (file walking, settings, background scheduling) is the "in the server" figure',
    },
    median(builds),
    builds,
  );

  // The two preview inventories: the first `small` of the population and ten times as many.
  const manifest = inputs.manifest(config.previewEntries, small);
  const file = parseFile(manifest.text);
  const previewMs: Record<number, number> = {};
  for (const size of [small, large]) {
    const folder =
      size === config.inventoryCount ? pkiFolder : inputs.folder(size, size === small ? 1 : config.largeFolderPerFile);
    let snapshot = size === config.inventoryCount ? pkiSnapshot : undefined;
    if (!snapshot) {
      log(`inventory ${size}: in-process`);
      const { ms, value } = timed(() => inventoryFromFolder(folder));
      snapshot = value;
      figures.add(
        `inventory.inProcess@${size}`,
        {
          group: inventoryGroup,
          label: `${count(size)} certificates (${count(config.largeFolderPerFile)} to a file) → inventory, in-process`,
          unit: 'ms',
        },
        ms,
        [ms],
      );
    }
    log(`preview ${config.previewEntries} × ${size}: in-process`);
    const indexSamples: number[] = [];
    for (let r = 0; r < Math.max(1, Math.min(config.previewRepetitions, 5)); r++)
      indexSamples.push(timed(() => buildMatchIndex(snapshot)).ms);
    figures.add(
      `preview.index@${size}`,
      {
        group: previewGroup,
        label: `match index of ${count(size)} certificates (once per inventory version)`,
        unit: 'ms',
      },
      median(indexSamples),
      indexSamples,
    );
    const fresh = () => ({ manifests: file.manifests }); // a new key each time: nothing memoised from the last run
    const warm = previewRevocation(fresh(), snapshot);
    const samples: number[] = [];
    for (let r = 0; r < config.previewRepetitions; r++)
      samples.push(timed(() => previewRevocation(fresh(), snapshot)).ms);
    previewMs[size] = median(samples);
    const matched = warm.revoked.length + warm.notRevocable.length;
    figures.add(
      `preview.inProcess@${size}`,
      {
        group: previewGroup,
        label: `against ${count(size)} certificates, in-process (match + preview model; ${count(matched)} matched)`,
        unit: 'ms',
        ...(size === small ? { target: { op: '<', limit: 1000, text: '< 1 s' } } : {}),
      },
      previewMs[size],
      samples,
    );
  }
  figures.add(
    `preview.growth`,
    {
      group: previewGroup,
      label: `growth ${count(large)} / ${count(small)} certificates, in-process`,
      unit: '×',
      target: { op: '<=', limit: 11, text: '≤ 11×' },
    },
    previewMs[large] / previewMs[small],
  );

  // The same through the server, when it has the request.
  const lspMs: Record<number, number> = {};
  let lspProblem: string | undefined;
  for (const size of [small, large]) {
    const folder = size === small ? inputs.folder(size, 1) : inputs.folder(size, config.largeFolderPerFile);
    const buildSpec: FigureSpec = {
      group: inventoryGroup,
      label: `${count(size)} certificates → inventory in the server (spawn → inventoryChanged with them all, scan over)`,
      unit: 'ms',
      ...(size === small ? { target } : {}),
    };
    const previewSpec: FigureSpec = {
      group: previewGroup,
      label: `against ${count(size)} certificates, ${PREVIEW_METHOD} over LSP after an edit (the webview's request: first ${count(DEFAULT_KEPT_PAGE_SIZE)} kept)`,
      unit: 'ms',
      ...(size === small ? { target: { op: '<', limit: 1000, text: '< 1 s' } } : {}),
    };
    const pageSpec: FigureSpec = {
      group: previewGroup,
      label: `against ${count(size)} certificates, the next ${count(KEPT_MORE_STEP)} kept over LSP ("Show more": a slice of the kept preview)`,
      unit: 'ms',
    };
    if (lspProblem) {
      figures.unavailable(`inventory.server@${size}`, buildSpec, lspProblem);
      figures.unavailable(`preview.lsp@${size}`, previewSpec, lspProblem);
      figures.unavailable(`preview.lspPage@${size}`, pageSpec, lspProblem);
      continue;
    }
    log(`inventory ${size}: in the server`);
    const outcome = await serverInventory(context, folder, size, manifest, config.previewRepetitions);
    if ('reason' in outcome) {
      lspProblem = outcome.reason;
      figures.unavailable(`inventory.server@${size}`, buildSpec, outcome.reason);
      figures.unavailable(`preview.lsp@${size}`, previewSpec, outcome.reason);
      figures.unavailable(`preview.lspPage@${size}`, pageSpec, outcome.reason);
      continue;
    }
    figures.add(`inventory.server@${size}`, buildSpec, outcome.buildMs, [outcome.buildMs]);
    lspMs[size] = median(outcome.previewSamples);
    const note = `the answer is ${(outcome.answerBytes / 1024 / 1024).toFixed(2)} MiB of JSON: entries, revoked and not revocable whole, ${count(DEFAULT_KEPT_PAGE_SIZE)} of the ${count(outcome.keptTotal)} kept`;
    figures.add(`preview.lsp@${size}`, { ...previewSpec, note }, lspMs[size], outcome.previewSamples);
    figures.add(`preview.lspPage@${size}`, pageSpec, median(outcome.pageSamples), outcome.pageSamples);
  }
  const growthSpec: FigureSpec = {
    group: previewGroup,
    label: `growth ${count(large)} / ${count(small)} certificates, over LSP`,
    unit: '×',
    target: { op: '<=', limit: 11, text: '≤ 11×' },
  };
  if (lspMs[small] && lspMs[large]) figures.add('preview.lspGrowth', growthSpec, lspMs[large] / lspMs[small]);
  else figures.unavailable('preview.lspGrowth', growthSpec, lspProblem ?? 'not measured');
}
