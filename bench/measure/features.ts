// 2. Hover, completion and code action latency in the middle of the large manifest, over LSP, on
// a document version whose diagnostics are already out (the model is there: nothing should parse).
// yaml-language-server's hover and completion at the same places, for comparison.
import { documentUri, pause, profileFolder, type BenchContext } from '../context';
import type { GeneratedManifest } from '../generate/manifests';
import type { LspProcess } from '../lsp/lspProcess';
import { startOurServer, startYamlLanguageServer, waitForYamlSchema } from '../lsp/servers';
import { median, type FigureSpec } from '../report/figures';

type Feature = 'hover' | 'completion' | 'codeAction';

const METHOD: Record<Feature, string> = {
  hover: 'textDocument/hover',
  completion: 'textDocument/completion',
  codeAction: 'textDocument/codeAction',
};
const PROVIDER: Record<Feature, string> = {
  hover: 'hoverProvider',
  completion: 'completionProvider',
  codeAction: 'codeActionProvider',
};

function params(feature: Feature, uri: string, manifest: GeneratedManifest, diagnostics: unknown[]): unknown {
  const textDocument = { uri };
  switch (feature) {
    case 'hover':
      return { textDocument, position: manifest.probes.hover };
    case 'completion':
      return { textDocument, position: manifest.probes.completion, context: { triggerKind: 1 } };
    case 'codeAction':
      return { textDocument, range: manifest.probes.codeActionRange, context: { diagnostics, triggerKind: 2 } };
  }
}

/** Median latency of `repetitions` requests after two warm-ups, or why there is none. */
async function timeFeature(
  server: LspProcess,
  feature: Feature,
  uri: string,
  manifest: GeneratedManifest,
  diagnostics: unknown[],
  repetitions: number,
): Promise<{ samples: number[] } | { reason: string }> {
  const capabilities = (server.initializeResult?.capabilities ?? {}) as Record<string, unknown>;
  if (!capabilities[PROVIDER[feature]])
    return {
      reason: `${server.options.name} does not offer ${METHOD[feature]} (no ${PROVIDER[feature]} in its capabilities)`,
    };
  const samples: number[] = [];
  for (let r = 0; r < repetitions + 2; r++) {
    const { ms, result } = await server.timedRequest<unknown>(
      METHOD[feature],
      params(feature, uri, manifest, diagnostics),
      60_000,
    );
    if (r === 0 && (result === null || (Array.isArray(result) && result.length === 0))) {
      return { reason: `${server.options.name} answered ${METHOD[feature]} with nothing at the probe position` };
    }
    if (r >= 2) samples.push(ms);
    await pause(20);
  }
  return { samples };
}

async function openAndWait(
  context: BenchContext,
  server: LspProcess,
  manifest: GeneratedManifest,
  name: string,
): Promise<{ uri: string; diagnostics: unknown[] }> {
  const uri = documentUri(context, name);
  const from = server.published.length;
  await server.open(uri, manifest.text);
  const published = await server.diagnosticsAfter(uri, from, () => true, 300_000);
  const line = manifest.probes.codeActionRange.start.line;
  return {
    uri,
    diagnostics: published.params.diagnostics.filter((d) => d.range.start.line <= line && d.range.end.line >= line),
  };
}

export async function measureFeatures(context: BenchContext): Promise<void> {
  const { config, figures, inputs, repoRoot, log } = context;
  const entries = config.targetSize;
  const manifest = inputs.manifest(entries);
  const group = `2. Editor features in the middle of ${entries.toLocaleString('en-US')} entries (over LSP)`;
  const target = { op: '<', limit: 5, text: '< 5 ms' } as const;
  const spec = (feature: Feature, who: string, withTarget: boolean): FigureSpec => ({
    group,
    label: `${feature === 'codeAction' ? 'code action' : feature}: ${who}`,
    unit: 'ms',
    ...(withTarget ? { target } : {}),
  });
  const record = (id: string, figureSpec: FigureSpec, outcome: { samples: number[] } | { reason: string }) => {
    if ('samples' in outcome) figures.add(id, figureSpec, median(outcome.samples), outcome.samples);
    else figures.unavailable(id, figureSpec, outcome.reason);
  };

  log(`features ${entries}: our server`);
  const ourFeatures: Feature[] = ['hover', 'completion', 'codeAction'];
  let ours: LspProcess | undefined;
  try {
    ours = await startOurServer({
      repoRoot,
      workspaceFolder: context.workspace,
      profileDir: profileFolder(context, 'features'),
    });
    const { uri, diagnostics } = await openAndWait(context, ours, manifest, `features-${entries}.yaml`);
    for (const feature of ourFeatures)
      record(
        `features.${feature}.ours@${entries}`,
        spec(feature, 'ours', true),
        await timeFeature(ours, feature, uri, manifest, diagnostics, config.featureRepetitions),
      );
  } catch (error) {
    const reason = `our server: ${error instanceof Error ? error.message : String(error)}`;
    for (const feature of ourFeatures)
      if (!figures.get(`features.${feature}.ours@${entries}`))
        figures.unavailable(`features.${feature}.ours@${entries}`, spec(feature, 'ours', true), reason);
  } finally {
    await ours?.stop();
  }

  log(`features ${entries}: yaml-language-server`);
  const yamlFeatures: Feature[] = ['hover', 'completion'];
  let yaml: LspProcess | undefined;
  try {
    yaml = await startYamlLanguageServer(repoRoot, context.workspace);
    await waitForYamlSchema(yaml, documentUri(context, 'schema-check.yaml'));
    const { uri } = await openAndWait(context, yaml, manifest, `features-yaml-${entries}.yaml`);
    for (const feature of yamlFeatures)
      record(
        `features.${feature}.yamlls@${entries}`,
        spec(feature, 'yaml-language-server', false),
        await timeFeature(yaml, feature, uri, manifest, [], config.yamlRepetitions),
      );
  } catch (error) {
    const reason = `yaml-language-server: ${error instanceof Error ? error.message : String(error)}`;
    for (const feature of yamlFeatures)
      if (!figures.get(`features.${feature}.yamlls@${entries}`))
        figures.unavailable(
          `features.${feature}.yamlls@${entries}`,
          spec(feature, 'yaml-language-server', false),
          reason,
        );
  } finally {
    await yaml?.stop();
  }
}
