// 6. Memory: our server's resident set (VmRSS) with the target manifest open and the certificate
// folder named in its settings, and with the large manifest open. Read a second after the
// diagnostics are out (and, when the server answers the preview request, after its inventory holds
// every certificate), from /proc/PID/status. The peak (VmHWM) rides along as a note.
import { performance } from 'node:perf_hooks';
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { LspProcess } from '../lsp/lspProcess';
import { startOurServer } from '../lsp/servers';
import { MIB, type FigureSpec } from '../report/figures';
import { PREVIEW_METHOD } from './inventory';

const GROUP = '6. Memory (server resident set, /proc VmRSS)';

/** Waits until the server's preview counts `count` certificates; says why not otherwise. */
async function inventoryLoaded(server: LspProcess, uri: string, count: number): Promise<string | undefined> {
  const deadline = performance.now() + 300_000;
  for (;;) {
    try {
      const { result } = await server.timedRequest<{ certificatesScanned?: number } | null>(PREVIEW_METHOD, { textDocument: { uri }, uri }, 300_000);
      const scanned = result?.certificatesScanned ?? 0;
      if (scanned >= count) return undefined;
      if (performance.now() > deadline) return `the inventory held ${scanned} of ${count} certificates after 300 s`;
    } catch (error) {
      if ((error as { code?: number }).code === -32601) return `no certificates loaded: the server has no ${PREVIEW_METHOD} request yet, so its inventory cannot be confirmed (the figure is the manifest alone)`;
      return `the preview request failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    await pause(250);
  }
}

async function residentWith(context: BenchContext, entries: number, certificates: number, scenario: string): Promise<{ mib: number; peakMib: number; note?: string }> {
  const { inputs, repoRoot } = context;
  const manifest = inputs.manifest(entries);
  const folder = certificates > 0 ? inputs.folder(certificates, 1) : undefined;
  const server = await startOurServer({
    repoRoot,
    workspaceFolder: context.workspace,
    settings: folder ? { certificatePaths: [folder] } : {},
    profileDir: profileFolder(context, scenario),
  });
  try {
    const uri = documentUri(context, `${scenario}.yaml`);
    const from = server.published.length;
    await server.open(uri, manifest.text);
    await server.diagnosticsAfter(uri, from, () => true, 600_000);
    const note = certificates > 0 ? await inventoryLoaded(server, uri, certificates) : undefined;
    await pause(1000);
    const memory = server.memory();
    if (!memory) throw new Error('/proc is not readable here');
    return { mib: memory.rss / MIB, peakMib: memory.peak / MIB, note };
  } finally {
    await server.stop();
  }
}

export async function measureMemory(context: BenchContext): Promise<void> {
  const { config, figures, log } = context;
  const { entries, certificates, largeEntries } = config.memory;
  const scenarios = [
    {
      id: `memory.ours@${entries}+${certificates}`,
      spec: { group: GROUP, label: `ours: ${entries.toLocaleString('en-US')} entries open, ${certificates.toLocaleString('en-US')} certificates in the inventory`, unit: 'MiB', target: { op: '<', limit: 200, text: '< 200 MiB' } } as FigureSpec,
      entries,
      certificates,
    },
    {
      id: `memory.ours@${largeEntries}`,
      spec: { group: GROUP, label: `ours: ${largeEntries.toLocaleString('en-US')} entries open`, unit: 'MiB', target: { op: '<', limit: 1024, text: '< 1 GiB' } } as FigureSpec,
      entries: largeEntries,
      certificates: 0,
    },
  ];
  for (const scenario of scenarios) {
    log(`memory: ${scenario.id}`);
    try {
      const { mib, peakMib, note } = await residentWith(context, scenario.entries, scenario.certificates, scenario.id.replace(/[@+]/g, '-'));
      figures.add(scenario.id, { ...scenario.spec, note: `peak ${peakMib.toFixed(0)} MiB` }, mib, [mib], note);
    } catch (error) {
      figures.unavailable(scenario.id, scenario.spec, error instanceof Error ? error.message : String(error));
    }
  }
}
