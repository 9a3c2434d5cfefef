// The two servers the bench drives: ours (the built dist/server.js) and yaml-language-server 1.25
// (the pinned devDependency) configured with our schema, validation, hover and completion on, and
// nothing fetched from the network (no schema store, no CRD catalogue).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeCacheArgument, SERVER_ENVIRONMENT } from '../../server/src/protocol';
import { LspProcess } from './lspProcess';

export interface OurServerOptions {
  repoRoot: string;
  workspaceFolder: string;
  /** The `renewRevocation` settings answered to `workspace/configuration` and pushed. */
  settings?: Record<string, unknown>;
  /** Write a V8 CPU profile of the server into this folder (at its orderly exit). */
  profileDir?: string;
}

export const OUR_SERVER = (repoRoot: string) => join(repoRoot, 'dist', 'server.js');
/** Where our server keeps its V8 code cache in bench runs (the client names the extension's storage). */
export const OUR_CODE_CACHE = (repoRoot: string) => join(repoRoot, 'bench', '.cache', 'code-cache');
export const YAML_LANGUAGE_SERVER = (repoRoot: string) =>
  join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');

/** Ours: renewRevocation/inventoryChanged says when the inventory has a new version (and whether the scan goes on). */
export const INVENTORY_CHANGED = 'renewRevocation/inventoryChanged';

export interface InventoryChanged {
  version: number;
  certificates: number;
  scanning: boolean;
}

/**
 * Settings every run gives our server: files up to 64 MiB are analysed (the default 5 MiB would
 * turn the 9 MiB manifest of 100,000 entries into one file-too-large diagnostic).
 */
export const BENCH_SETTINGS = { maxFileSize: 64 * 1024 * 1024 };

export async function startOurServer(options: OurServerOptions): Promise<LspProcess> {
  const settings = { ...BENCH_SETTINGS, ...options.settings };
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const server = await LspProcess.start({
    name: 'renew-revocation server',
    command: process.execPath,
    // As the client starts it: with a code cache folder of its own (the first spawn of a run writes
    // the cache), without the environment variables the client leaves out.
    args: [...profile, OUR_SERVER(options.repoRoot), codeCacheArgument(OUR_CODE_CACHE(options.repoRoot)), '--stdio'],
    env: SERVER_ENVIRONMENT,
    workspaceFolder: options.workspaceFolder,
    cwd: options.workspaceFolder,
    // As the extension's client says it: certificatePaths are read only in a trusted workspace.
    initializationOptions: { workspaceTrusted: true },
    configuration: (item) => (item.section === 'renewRevocation' ? settings : null),
    recordNotifications: [INVENTORY_CHANGED],
  });
  await server.changeConfiguration({ renewRevocation: settings });
  return server;
}

export function yamlLanguageServerSettings(repoRoot: string) {
  const schemaUri = pathToFileURL(join(repoRoot, 'schemas', 'renewrevocation.schema.json')).toString();
  return {
    schemas: { [schemaUri]: ['*.yaml'] },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false, url: '' },
    kubernetesCRDStore: { enable: false },
  };
}

export async function startYamlLanguageServer(repoRoot: string, workspaceFolder: string): Promise<LspProcess> {
  const yaml = yamlLanguageServerSettings(repoRoot);
  const server = await LspProcess.start({
    name: 'yaml-language-server',
    command: process.execPath,
    args: [YAML_LANGUAGE_SERVER(repoRoot), '--stdio'],
    workspaceFolder,
    cwd: workspaceFolder,
    configuration: (item) => {
      switch (item.section) {
        case 'yaml':
          return yaml;
        case 'http':
          return { proxy: '', proxyStrictSSL: false };
        case '[yaml]':
        case 'editor':
          return { 'editor.tabSize': 2, detectIndentation: false };
        default:
          return null;
      }
    },
  });
  await server.changeConfiguration({ yaml });
  return server;
}

/** yaml-language-server applies its configuration asynchronously: wait until it reports a schema error of ours. */
export async function waitForYamlSchema(server: LspProcess, uri: string): Promise<void> {
  const from = server.published.length;
  await server.open(uri, 'apiVersion: v1\nkind: RenewRevocation\nmetadata:\n  name: check\n');
  await server
    .diagnosticsAfter(uri, from, (params) => params.diagnostics.length > 0, 60_000)
    .catch(() => {
      throw new Error('yaml-language-server never reported a schema error: our schema did not reach it');
    });
  await server.close(uri);
}
