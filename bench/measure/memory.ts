// 6. Memory: our server's resident set (VmRSS) with the target manifest (few findings, and
// findings-dense) open and the certificate folder named in its settings, and with the large
// manifest open. Read a second after the
// diagnostics are out and the server has said that its inventory holds every certificate
// (renewRevocation/inventoryChanged), from /proc/PID/status. The peak (VmHWM) rides along as a note.
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { LspProcess } from '../lsp/lspProcess';
import type { FindingsDensity } from '../generate/manifests';
import { INVENTORY_CHANGED, startOurServer, type InventoryChanged } from '../lsp/servers';
import { MIB, type FigureSpec } from '../report/figures';

const GROUP = '6. Memory (server resident set, /proc VmRSS)';

/** Waits until the server says its inventory holds `count` certificates and the scan is over; says why not otherwise. */
async function inventoryLoaded(server: LspProcess, count: number): Promise<string | undefined> {
  try {
    await server.notification<InventoryChanged>(
      INVENTORY_CHANGED,
      (params) => params.certificates >= count && !params.scanning,
      300_000,
    );
    return undefined;
  } catch (error) {
    return `the inventory was not confirmed complete (${error instanceof Error ? error.message : String(error)}): the figure may lack certificates`;
  }
}

async function residentWith(
  context: BenchContext,
  entries: number,
  certificates: number,
  scenario: string,
  findings: FindingsDensity,
): Promise<{ mib: number; peakMib: number; note?: string }> {
  const { inputs, repoRoot } = context;
  const manifest = inputs.manifest(entries, undefined, findings);
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
    const note = certificates > 0 ? await inventoryLoaded(server, certificates) : undefined;
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
      spec: {
        group: GROUP,
        label: `ours: ${entries.toLocaleString('en-US')} entries open, ${certificates.toLocaleString('en-US')} certificates in the inventory`,
        unit: 'MiB',
        target: { op: '<', limit: 200, text: '< 200 MiB' },
      } as FigureSpec,
      entries,
      certificates,
      findings: 'few',
    },
    {
      id: `memory.ours@dense-${entries}+${certificates}`,
      spec: {
        group: GROUP,
        label: `ours: ${entries.toLocaleString('en-US')} entries open, findings-dense, ${certificates.toLocaleString('en-US')} certificates in the inventory`,
        unit: 'MiB',
        target: { op: '<=', limit: 200, text: '≤ 200 MiB' },
      } as FigureSpec,
      entries,
      certificates,
      findings: 'dense',
    },
    {
      id: `memory.ours@${largeEntries}`,
      spec: {
        group: GROUP,
        label: `ours: ${largeEntries.toLocaleString('en-US')} entries open`,
        unit: 'MiB',
        target: { op: '<', limit: 1024, text: '< 1 GiB' },
      } as FigureSpec,
      entries: largeEntries,
      certificates: 0,
      findings: 'few',
    },
  ] as const;
  for (const scenario of scenarios) {
    log(`memory: ${scenario.id}`);
    try {
      const { mib, peakMib, note } = await residentWith(
        context,
        scenario.entries,
        scenario.certificates,
        scenario.id.replace(/[@+]/g, '-'),
        scenario.findings,
      );
      figures.add(scenario.id, { ...scenario.spec, note: `peak ${peakMib.toFixed(0)} MiB` }, mib, [mib], note);
    } catch (error) {
      figures.unavailable(scenario.id, scenario.spec, error instanceof Error ? error.message : String(error));
    }
  }
}
