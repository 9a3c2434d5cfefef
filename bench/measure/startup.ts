// 5. Start-up: server spawn → first diagnostics of a small manifest (the editor opens the file
// right after `initialized`), ours and yaml-language-server's; and the size of what ships: the
// dist bundles and the packaged .vsix when `npm run package` has made one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { LspProcess } from '../lsp/lspProcess';
import { startOurServer, startYamlLanguageServer } from '../lsp/servers';
import { median, type FigureSpec } from '../report/figures';

/** Wall time from spawn to the first diagnostics, and the CPU time the server used meanwhile. */
async function spawnToDiagnostics(
  context: BenchContext,
  start: () => Promise<LspProcess>,
  text: string,
  name: string,
): Promise<{ ms: number; cpuMs: number | undefined }> {
  const server = await start();
  try {
    const uri = documentUri(context, name);
    const from = server.published.length;
    await server.open(uri, text);
    const published = await server.diagnosticsAfter(uri, from, () => true, 60_000);
    return { ms: published.at - server.spawnedAt, cpuMs: server.cpuMs() };
  } finally {
    await server.stop();
  }
}

export async function measureStartup(context: BenchContext): Promise<void> {
  const { config, figures, inputs, repoRoot, log } = context;
  const group = '5. Start-up and size';
  const small = inputs.manifest(10);
  const contenders = [
    {
      id: 'startup.ours',
      spec: {
        group,
        label: 'spawn → first diagnostics of a 10-entry manifest: ours',
        unit: 'ms',
        target: { op: '<', limit: 200, text: '< 200 ms' },
      } as FigureSpec,
      start: () =>
        startOurServer({ repoRoot, workspaceFolder: context.workspace, profileDir: profileFolder(context, 'startup') }),
    },
    {
      id: 'startup.yamlls',
      spec: {
        group,
        label: 'spawn → first diagnostics: yaml-language-server (its 200 ms debounce included)',
        unit: 'ms',
      } as FigureSpec,
      start: () => startYamlLanguageServer(repoRoot, context.workspace),
    },
  ];
  const cpuSpec: FigureSpec = {
    group,
    label: "our server's CPU time (user + system) from spawn to those diagnostics",
    unit: 'ms',
    note: 'not stretched by other processes on a busy machine, unlike the wall time above',
  };
  for (const contender of contenders) {
    log(`start-up: ${contender.id}`);
    try {
      const samples: number[] = [];
      const cpuSamples: number[] = [];
      // One spawn first to warm the file cache, as an editor restarting a server would find it.
      for (let r = 0; r <= config.startupRepetitions; r++) {
        const { ms, cpuMs } = await spawnToDiagnostics(context, contender.start, small.text, `startup-${r}.yaml`);
        if (r > 0) samples.push(ms);
        if (r > 0 && cpuMs !== undefined) cpuSamples.push(cpuMs);
        await pause(100);
      }
      figures.add(contender.id, contender.spec, median(samples), samples);
      if (contender.id === 'startup.ours') {
        if (cpuSamples.length) figures.add('startup.oursCpu', cpuSpec, median(cpuSamples), cpuSamples);
        else figures.unavailable('startup.oursCpu', cpuSpec, '/proc is not readable here');
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      figures.unavailable(contender.id, contender.spec, reason);
      if (contender.id === 'startup.ours') figures.unavailable('startup.oursCpu', cpuSpec, reason);
    }
  }

  // dist/server.js is the loader the client spawns; dist/server-main.js the server it runs;
  // dist/browser/ the extension's browser entry and its server's web worker (x509 inside).
  for (const bundle of ['server', 'server-main', 'x509-library', 'client', 'cli', 'browser/client', 'browser/server']) {
    const path = join(repoRoot, 'dist', `${bundle}.js`);
    const spec: FigureSpec = { group, label: `dist/${bundle}.js`, unit: 'KiB' };
    if (!existsSync(path)) {
      figures.unavailable(`size.${bundle}`, spec, 'not built');
      continue;
    }
    // Every build minifies (a source map comment says nothing about that): a development build
    // would show as short lines.
    const text = readFileSync(path, 'utf8');
    const minified = text.length / Math.max(1, text.split('\n').length) > 200;
    figures.add(
      `size.${bundle}`,
      {
        ...spec,
        note: minified
          ? undefined
          : `dist/${bundle}.js is not minified (a development build); the .vsix ships the production build`,
      },
      statSync(path).size / 1024,
    );
  }
  const vsixSpec: FigureSpec = {
    group,
    label: 'packaged .vsix',
    unit: 'KiB',
    target: { op: '<', limit: 1_000_000 / 1024, text: '< 1 MB (977 KiB)' },
  };
  const vsix = readdirSync(repoRoot)
    .filter((name) => name.endsWith('.vsix'))
    .sort()
    .pop();
  if (vsix) figures.add('size.vsix', { ...vsixSpec, note: vsix }, statSync(join(repoRoot, vsix)).size / 1024);
  else figures.unavailable('size.vsix', vsixSpec, 'not built (`npm run package` makes it)');
}
