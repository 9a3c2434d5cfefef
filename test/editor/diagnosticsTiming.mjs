// The time from opening the bench's 10,000-entry manifest to its diagnostics, in code-server's
// browser: in the web-worker extension host (the extension's "browser" entry, its server in a web
// worker) and, beside it, in the Node extension host (the server as a Node process). Each host
// opens five copies after a warm-up (test/editor/timing/index.ts); the median and every sample are
// printed. bench/README.md keeps the figures. Run after a build and `npm run package`:
//
//   node test/editor/diagnosticsTiming.mjs
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './codeServer.mjs';
import { runSuite } from './extensionHostRun.mjs';
import { webWorkerSettings } from './webWorkerRun.mjs';

const COPIES = 5; // as TIMING_COPIES in timing/index.ts
const { BenchInputs } = await import(join(root, 'out', 'bench', 'generate', 'inputs.js'));
const manifest = new BenchInputs(root, (line) => console.log(line)).manifest(10_000);
const extraFiles = Array.from({ length: COPIES }, (_, index) => [manifest.path, `bench-10000-${index}.yaml`]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let exitCode = 0;
for (const [host, settings] of [
  ['web worker', webWorkerSettings],
  ['node', {}],
]) {
  let result;
  const code = await runSuite({
    name: `diagnostics timing (${host})`,
    suite: 'timing',
    options: { extraFiles, settings },
    testsPath(server) {
      mkdirSync(join(server.extensionDir, 'dist', 'test'), { recursive: true });
      const target = join(server.extensionDir, 'dist', 'test', 'timing.js');
      copyFileSync(join(root, 'out', 'test', 'editor', 'timing', 'bundle.js'), target);
      return target;
    },
    onConsole(text) {
      const match = /RENEW_REVOCATION_TIMING (.*)$/.exec(text);
      if (match) result = JSON.parse(match[1]);
    },
  });
  if (code !== 0 || !result || result.host !== host) {
    console.log(`${host}: the timing did not complete (exit code ${code})`);
    exitCode = 1;
    continue;
  }
  const times = result.samples.map((sample) => sample.ms);
  console.log(
    `${host} extension host: open → diagnostics of the 10,000-entry manifest (${(manifest.text.length / 1024).toFixed(0)} KiB, ${result.samples[0].diagnostics} diagnostics): median ${median(times).toFixed(0)} ms (${times.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
  );
}
process.exit(exitCode);
