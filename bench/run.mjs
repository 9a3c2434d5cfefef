// `npm run bench` (after the build): runs the benchmark bundle out/bench/main.js in this very
// process, so that `node --cpu-prof bench/run.mjs --only decode` profiles the in-process
// measurements. Flags are main.ts's (see bench/README.md).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'out', 'bench', 'main.js');
if (!existsSync(main)) {
  console.error('bench: out/bench/main.js is missing; build first: node scripts/build.mjs (npm run bench does it)');
  process.exit(2);
}
createRequire(import.meta.url)(main);
