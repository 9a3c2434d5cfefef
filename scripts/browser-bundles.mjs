// The browser bundles (the extension's "browser" entry and its language server's web worker) and
// the check that keeps Node out of them: a Node built-in, a package's Node-only build
// (`lib/node/…`) or one of our Node hosts in a browser bundle would load in vscode.dev and then
// fail at run time, or not load at all. esbuild's metafile lists every input and every import
// left to run time; the build fails when one of them is Node's.
import { build } from 'esbuild';
import { builtinModules } from 'node:module';

export const BROWSER_BUNDLES = {
  'browser/client': { entry: 'client/src/browser/extension.ts', format: 'cjs', external: ['vscode'] },
  'browser/server': { entry: 'server/src/browser/workerMain.ts', format: 'iife', external: [] },
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Inputs that are Node's: a package's Node build, our Node, CLI and bench hosts. */
const NODE_INPUT = /(^|\/)node_modules\/.*\/lib\/node\/|^server\/src\/(node|cli)\/|^bench\//;

/** What in a bundle's metafile is Node's, one line each; [] when nothing is. */
export function nodeModulesIn(metafile, allowedExternal) {
  const found = [];
  for (const path of Object.keys(metafile.inputs)) {
    if (NODE_INPUT.test(path) || NODE_BUILTINS.has(path)) found.push(`${path} (a Node-only module)`);
    for (const imported of metafile.inputs[path].imports) {
      if (NODE_BUILTINS.has(imported.path)) found.push(`${path} imports ${imported.path} (a Node built-in)`);
    }
  }
  for (const [output, { imports }] of Object.entries(metafile.outputs)) {
    for (const imported of imports) {
      if (imported.external && !allowedExternal.includes(imported.path))
        found.push(`${output} leaves ${imported.path} to be loaded at run time`);
    }
  }
  return [...new Set(found)];
}

export async function buildBrowserBundles(common) {
  await Promise.all(
    Object.entries(BROWSER_BUNDLES).map(async ([name, { entry, format, external }]) => {
      const result = await build({
        ...common,
        platform: 'browser',
        target: 'es2022',
        format,
        entryPoints: { [name]: entry },
        outdir: 'dist',
        external,
        metafile: true,
      });
      const problems = nodeModulesIn(result.metafile, external);
      if (problems.length > 0)
        throw new Error(`dist/${name}.js must run in a browser, but holds Node modules:\n  ${problems.join('\n  ')}`);
    }),
  );
}
