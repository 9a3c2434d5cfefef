// Writes what is generated from the rule records (server/src/service/features/ruleCatalogue.ts):
// server/src/service/codes.ts and the README's Diagnostics table and sections (between the
// `rules:start` and `rules:end` markers), and the per-code properties of the `renewRevocation.rules`
// setting in package.json. Run it after adding or changing a rule's code,
// severity, title or documentation; test/unit/rules/ruleDocs.test.ts fails until you do.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileSchema } from './compile-schema.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The schema rule imports the validators compiled from the schema.
compileSchema();
// Inside the repository, so that the bundle finds node_modules.
mkdirSync(join(root, 'out'), { recursive: true });
const scratch = mkdtempSync(join(root, 'out', 'generate-rules-'));
try {
  // Bundled, not type-checked: a new code is not in codes.ts yet, which is what this writes.
  const entry = join(scratch, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { RULE_CATALOGUE } from ${JSON.stringify(join(root, 'server/src/service/features/ruleCatalogue'))};`,
      `export * from ${JSON.stringify(join(root, 'server/src/service/features/ruleDocs'))};`,
      `export * from ${JSON.stringify(join(root, 'server/src/service/features/rulesSetting'))};`,
    ].join('\n'),
  );
  const outfile = join(scratch, 'rules.cjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    target: 'node20',
    logLevel: 'warning',
    absWorkingDir: root,
  });
  const { RULE_CATALOGUE, renderCodesModule, withReadmeDiagnostics, withRulesSetting } = createRequire(import.meta.url)(
    outfile,
  );
  writeFileSync(join(root, 'server/src/service/codes.ts'), renderCodesModule(RULE_CATALOGUE));
  const readmePath = join(root, 'README.md');
  const readme = withReadmeDiagnostics(readFileSync(readmePath, 'utf8'), RULE_CATALOGUE);
  if (readme === undefined)
    throw new Error('README.md has no rules:start / rules:end markers in its Diagnostics section');
  writeFileSync(readmePath, readme);
  const packagePath = join(root, 'package.json');
  const packageJson = withRulesSetting(readFileSync(packagePath, 'utf8'), RULE_CATALOGUE);
  if (packageJson === undefined) throw new Error('package.json declares no renewRevocation.rules setting');
  writeFileSync(packagePath, packageJson);
  console.log(`codes.ts, README.md and package.json written from ${RULE_CATALOGUE.length} codes`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
