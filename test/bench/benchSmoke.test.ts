// `node bench/run.mjs --quick` (small sizes, one repetition) runs to the end and reports every
// figure: a number, or an explicit reason why there is none. It says nothing about timings (this
// machine may be busy); it keeps the bench code from rotting as the server changes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

/** Every figure of a --quick run (manifests of 10 and 1,000 entries; 200, 500 and 5,000 certificates). */
const DIAGNOSTICS_FIGURES = [
  'floor',
  'oursFirstOpen',
  'oursFirstOpenAfterIdle',
  'oursOpen',
  'openOverFloor',
  'oursEdit',
  'oursDescriptionEdit',
  'editOverFloor',
  'openBytes',
  'editBytes',
  'consistent',
  'yamlFirstOpen',
  'yamlOpen',
  'yamlEdit',
  'yamlDescriptionEdit',
  'yamlOpenBytes',
  'firstOpenOverYaml',
  'openOverYaml',
  'editOverYaml',
  'descriptionEditOverYaml',
];
const QUICK_FIGURES = [
  ...['10', '1000', 'dense-1000'].flatMap((n) => DIAGNOSTICS_FIGURES.map((name) => `diagnostics.${name}@${n}`)),
  'diagnostics.editOverFew@dense-1000',
  'diagnostics.descriptionEditOverFew@dense-1000',
  'features.hover.ours@1000',
  'features.completion.ours@1000',
  'features.codeAction.ours@1000',
  'features.hover.yamlls@1000',
  'features.completion.yamlls@1000',
  'decode.full@200',
  'decode.lean@200',
  'decode.node@200',
  'decode.leanOverNode@200',
  'decode.fullOverNode@200',
  'inventory.inProcess@500',
  'inventory.inProcess@5000',
  'inventory.server@500',
  'inventory.server@5000',
  'preview.index@500',
  'preview.index@5000',
  'preview.inProcess@500',
  'preview.inProcess@5000',
  'preview.growth',
  'preview.lsp@500',
  'preview.lsp@5000',
  'preview.lspPage@500',
  'preview.lspPage@5000',
  'preview.lspGrowth',
  'startup.ours',
  'startup.oursCpu',
  'startup.yamlls',
  'size.server',
  'size.server-main',
  'size.x509-library',
  'size.client',
  'size.cli',
  'size.browser/client',
  'size.browser/server',
  'size.vsix',
  'memory.yamlls@1000',
  'memory.ours@1000+500',
  'memory.ours@dense-1000+500',
  'memory.ours@2000',
  'inlayHints.visible.ours@1000',
];

/** The figures that carry a performance target. */
const TARGETS = [
  'diagnostics.openOverFloor@1000',
  'diagnostics.editOverYaml@1000',
  'diagnostics.firstOpenOverYaml@1000',
  'diagnostics.consistent@10',
  'diagnostics.consistent@1000',
  'diagnostics.openOverFloor@dense-1000',
  'diagnostics.editOverYaml@dense-1000',
  'diagnostics.descriptionEditOverYaml@dense-1000',
  'diagnostics.firstOpenOverYaml@dense-1000',
  'diagnostics.consistent@dense-1000',
  'diagnostics.editOverFew@dense-1000',
  'diagnostics.descriptionEditOverFew@dense-1000',
  'features.hover.ours@1000',
  'features.completion.ours@1000',
  'features.codeAction.ours@1000',
  'decode.leanOverNode@200',
  'inventory.inProcess@500',
  'inventory.server@500',
  'preview.inProcess@500',
  'preview.growth',
  'preview.lsp@500',
  'preview.lspGrowth',
  'startup.ours',
  'size.vsix',
  'memory.ours@1000+500',
  'memory.ours@dense-1000+500',
  'memory.ours@2000',
];

interface Figure {
  id: string;
  group: string;
  label: string;
  unit: string;
  value: number | null;
  status: string;
  reason?: string;
  target?: { op: string; limit: number; text: string };
}

test(
  'bench --quick reports every figure, each a number or a reason, with its target, in JSON and in the table',
  { timeout: 900_000 },
  () => {
    const folder = mkdtempSync(join(tmpdir(), 'bench-smoke-'));
    try {
      const out = join(folder, 'quick.json');
      const run = spawnSync(process.execPath, [join(repoRoot(), 'bench', 'run.mjs'), '--quick', '--out', out], {
        encoding: 'utf8',
        timeout: 840_000,
        maxBuffer: 64 * 1024 * 1024,
      });
      assert.equal(run.status, 0, `bench --quick failed:\n${run.stdout}\n${run.stderr}`);
      const results = JSON.parse(readFileSync(out, 'utf8')) as {
        quick: boolean;
        figures: Figure[];
        errors: string[];
        machine: { cores: number; node: string };
      };
      assert.equal(results.quick, true);
      assert.deepEqual(results.errors, []);
      assert.ok(results.machine.cores > 0 && results.machine.node.startsWith('v'));
      assert.deepEqual(results.figures.map((figure) => figure.id).sort(), [...QUICK_FIGURES].sort());
      for (const figure of results.figures) {
        assert.ok(['met', 'missed', 'info', 'n/a'].includes(figure.status), `${figure.id}: status ${figure.status}`);
        if (figure.value === null) {
          assert.equal(figure.status, 'n/a', `${figure.id} has no value, so it is n/a`);
          assert.ok(figure.reason && figure.reason.length > 10, `${figure.id} says why it has no value`);
        } else {
          assert.ok(Number.isFinite(figure.value), `${figure.id} is a finite number`);
        }
        assert.equal(
          Boolean(figure.target),
          TARGETS.includes(figure.id),
          `${figure.id} ${figure.target ? 'has' : 'has no'} target`,
        );
        if (figure.target && figure.value !== null && figure.status !== 'n/a')
          assert.ok(['met', 'missed'].includes(figure.status), `${figure.id} says met or missed`);
        // The table a person reads shows every figure, with its target.
        assert.ok(run.stdout.includes(figure.label), `the table shows ${figure.label}`);
        if (figure.target)
          assert.ok(run.stdout.includes(figure.target.text), `the table shows the target ${figure.target.text}`);
      }
      assert.match(run.stdout, /\d+ targets: \d+ met, \d+ missed, \d+ not measured/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  },
);
