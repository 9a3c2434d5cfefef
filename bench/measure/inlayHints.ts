// 7. Inlay hints for the visible part of the large manifest, over LSP: a server whose inventory
// holds the 10,000-certificate folder (the manifest's entries name its certificates), the
// 10,000-entry manifest open with its diagnostics out, then `textDocument/inlayHint` for the 60
// lines around the middle entry (about what an editor shows), timed. Only the entries of those
// lines are matched, so the figure should not grow with the manifest.
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { LspProcess } from '../lsp/lspProcess';
import { INVENTORY_CHANGED, startOurServer, type InventoryChanged } from '../lsp/servers';
import { median, type FigureSpec } from '../report/figures';

/** Lines an editor shows at once. */
export const VISIBLE_LINES = 60;

interface Hint {
  label: string;
  position: { line: number };
}

export async function measureInlayHints(context: BenchContext): Promise<void> {
  const { config, figures, inputs, log } = context;
  const entries = config.targetSize;
  const count = config.inventoryCount;
  const manifest = inputs.manifest(entries);
  const folder = inputs.folder(count, 1);
  const id = `inlayHints.visible.ours@${entries}`;
  const spec: FigureSpec = {
    group: `7. Inlay hints, ${VISIBLE_LINES} visible lines of ${entries.toLocaleString('en-US')} entries (over LSP)`,
    label: `inlay hints, ${count.toLocaleString('en-US')} certificates in the inventory: ours`,
    unit: 'ms',
  };
  log(`inlay hints ${entries}: our server`);
  let server: LspProcess | undefined;
  try {
    server = await startOurServer({
      repoRoot: context.repoRoot,
      workspaceFolder: context.workspace,
      settings: { certificatePaths: [folder] },
      profileDir: profileFolder(context, 'inlay-hints'),
    });
    const uri = documentUri(context, `inlay-hints-${entries}.yaml`);
    const from = server.published.length;
    await server.open(uri, manifest.text);
    await server.diagnosticsAfter(uri, from, () => true, 300_000);
    await server.notification<InventoryChanged>(
      INVENTORY_CHANGED,
      (params) => params.certificates >= count && !params.scanning,
      300_000,
    );
    const middle = manifest.probes.hover.line;
    const first = Math.max(0, middle - VISIBLE_LINES / 2);
    const range = { start: { line: first, character: 0 }, end: { line: first + VISIBLE_LINES, character: 0 } };
    const samples: number[] = [];
    let hints = 0;
    for (let r = 0; r < config.featureRepetitions + 2; r++) {
      const { ms, result } = await server.timedRequest<Hint[] | null>(
        'textDocument/inlayHint',
        { textDocument: { uri }, range },
        60_000,
      );
      hints = result?.length ?? 0;
      if (hints === 0) throw new Error(`no inlay hint in lines ${first}–${first + VISIBLE_LINES} of the manifest`);
      if (result?.some((hint) => hint.position.line < first || hint.position.line > first + VISIBLE_LINES))
        throw new Error('an inlay hint outside the requested lines');
      if (r >= 2) samples.push(ms);
      await pause(20);
    }
    figures.add(id, { ...spec, note: `${hints} hints in the range` }, median(samples), samples);
  } catch (error) {
    figures.unavailable(id, spec, `our server: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await server?.stop();
  }
}
