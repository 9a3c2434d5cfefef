// Owns where the workspace inventory reads from: the workspace folders (from `initialize`, then
// `workspace/didChangeWorkspaceFolders`), whether the workspace is trusted, and the settings that
// shape the scan (`renewRevocation.certificateGlobs`, `maxFileSize` and `files.exclude` per
// folder; `renewRevocation.certificatePaths` for the window, read only when trusted). Turns them
// into the scan's roots; a settings problem is reported once until the settings change.
import type { ConfigurationItem, InitializeParams, WorkspaceFolder } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { decideCertificatePaths } from '../../service';
import { formatError } from '../runner';
import type { Logger } from '../runtime';
import {
  DEFAULT_INVENTORY_SETTINGS,
  readFilesExclude,
  readInventorySettings,
  type InventorySettings,
} from './inventorySettings';
import { relativeUriPath, type ScanRootOptions } from './scanScope';

/** `initializationOptions.workspaceTrusted`: false only when the client says so (clients without a notion of trust trust their user). */
export function readWorkspaceTrust(initializationOptions: unknown): boolean {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return true;
  return (initializationOptions as { workspaceTrusted?: unknown }).workspaceTrusted !== false;
}

/** The folders of `initialize`: `workspaceFolders` when given (null means none), else the deprecated rootUri/rootPath. */
export function initialFolders(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders !== undefined) return params.workspaceFolders ?? [];
  if (params.rootUri) return [{ uri: params.rootUri, name: params.rootUri }];
  if (params.rootPath) return [{ uri: URI.file(params.rootPath).toString(), name: params.rootPath }];
  return [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface InventoryFoldersOptions {
  folders: WorkspaceFolder[];
  trusted: boolean;
  /** `workspace/configuration`; undefined for clients that push their settings instead. */
  getConfiguration: ((items: ConfigurationItem[]) => Promise<unknown[]>) | undefined;
  logger: Logger;
  /** Why folders outside the workspace cannot be read by this host (lsp/runtime.ts); undefined where they can. */
  outsideWorkspace?: string;
}

interface FolderSettings {
  settings: InventorySettings;
  exclude: string[];
}

export class InventoryFolders {
  private folders: WorkspaceFolder[];
  private trusted: boolean;
  /** The settings of `workspace/didChangeConfiguration`, for clients without `workspace/configuration`. */
  private pushed: { renewRevocation?: unknown; exclude?: unknown } = {};
  private readonly reported = new Set<string>();
  /** Counts the scanRoots calls: an older one's answer, superseded while it read settings, is dropped. */
  private generation = 0;

  constructor(private readonly options: InventoryFoldersOptions) {
    this.folders = options.folders;
    this.trusted = options.trusted;
  }

  /** Folders were added and removed (`workspace/didChangeWorkspaceFolders`). */
  changeFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.map((folder) => folder.uri));
    this.folders = [...this.folders.filter((folder) => !gone.has(folder.uri)), ...added];
  }

  /** The workspace's trust; true when it changed. */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trusted) return false;
    this.trusted = trusted;
    return true;
  }

  /** `workspace/didChangeConfiguration`: `settings` as pushed (null from pull-model clients). Problems may be reported again. */
  settingsChanged(settings: unknown): void {
    this.reported.clear();
    if (isObject(settings)) {
      const files = settings.files;
      this.pushed = { renewRevocation: settings.renewRevocation, exclude: isObject(files) ? files.exclude : undefined };
    }
  }

  /**
   * The roots to scan under the current folders, trust and settings; undefined when another call
   * began while this one read the settings (its answer is the current one).
   */
  async scanRoots(): Promise<ScanRootOptions[] | undefined> {
    const generation = ++this.generation;
    const folders = this.folders;
    const folderSettings = await Promise.all(folders.map((folder) => this.readSettings(folder.uri)));
    const windowSettings = folders.length > 0 ? folderSettings[0] : await this.readSettings(undefined);
    if (generation !== this.generation) return undefined;
    const roots: ScanRootOptions[] = folders.map((folder, i) => ({
      uri: folder.uri,
      kind: 'workspace',
      include: folderSettings[i].settings.certificateGlobs,
      exclude: folderSettings[i].exclude,
      maxFileSize: folderSettings[i].settings.maxFileSize,
    }));
    const decisions = decideCertificatePaths(windowSettings.settings.certificatePaths, {
      trusted: this.trusted,
      workspaceFolders: folders.map((folder) => folder.uri),
      outsideWorkspace: this.options.outsideWorkspace,
    });
    for (const decision of decisions) {
      if (decision.readable)
        roots.push({ uri: decision.uri, kind: 'certificatePath', maxFileSize: windowSettings.settings.maxFileSize });
      else this.options.logger.info(`renewRevocation.certificatePaths: ${decision.reason}; it is not read`);
    }
    return roots;
  }

  /** A URI as people read it: relative to its workspace folder (named when there are several); undefined outside them. */
  displayName(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    for (const folder of this.folders) {
      const relative = relativeUriPath(URI.parse(folder.uri), parsed);
      if (relative) return this.folders.length > 1 ? `${folder.name}/${relative}` : relative;
    }
    return undefined;
  }

  /** The `renewRevocation` and `files.exclude` settings of a folder (or of the window, for no folder). */
  private async readSettings(scopeUri: string | undefined): Promise<FolderSettings> {
    const { getConfiguration, logger } = this.options;
    const report = (problem: string) => this.report(problem);
    if (!getConfiguration) {
      return {
        settings: readInventorySettings(this.pushed.renewRevocation, report),
        exclude: readFilesExclude(this.pushed.exclude),
      };
    }
    try {
      const [raw, exclude] = await getConfiguration([
        { scopeUri, section: 'renewRevocation' },
        { scopeUri, section: 'files.exclude' },
      ]);
      return { settings: readInventorySettings(raw, report), exclude: readFilesExclude(exclude) };
    } catch (error) {
      logger.error(formatError('Could not read the settings of the certificate inventory; using the defaults', error));
      return { settings: DEFAULT_INVENTORY_SETTINGS, exclude: [] };
    }
  }

  private report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.options.logger.warn(problem);
  }
}
