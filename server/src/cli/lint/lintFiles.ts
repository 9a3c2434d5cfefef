// The work of `lint`: find the YAML files under the paths given (`-`: standard input, whatever it
// holds), read each within the size limit, and ask the language service for its diagnostics.
// Files that cannot be read are collected as problems; the others are still linted. Non-manifest
// YAML yields nothing (the service says so), and the count of manifests tells the command.
import {
  checkFile,
  createLanguageService,
  decodeText,
  type Diagnostic,
  fileTooLargeDiagnostic,
  inventoryRule,
  type InventorySnapshot,
  type ManifestPlace,
  manifestPlaceAt,
  matchIndexFor,
  type ServiceSettings,
} from '../../service';
import type { IoError } from '../errors';
import { readEachFile } from '../readEachFile';
import { isYamlFileName } from '../walkFiles';

export interface LintOptions {
  now: Date;
  settings: ServiceSettings;
  homepage?: string;
  /** The inventory of `--certs`: adds the inventory codes when it holds a certificate. */
  inventory?: InventorySnapshot;
}

export interface LintedFile {
  /** As given on the command line, or joined under the folder given. */
  path: string;
  diagnostics: Diagnostic[];
  /** The manifest each diagnostic is about (parallel to `diagnostics`): a List item is named by it. */
  places: Array<ManifestPlace | undefined>;
}

export interface LintResult {
  /** Every file linted, with or without diagnostics, in order. */
  files: LintedFile[];
  /** Paths that could not be read. */
  problems: IoError[];
  /** Folders given in which no YAML file was found. */
  emptyFolders: string[];
  /** RenewRevocation documents found in all the files read. */
  manifests: number;
  /** Files over the size limit: not analysed, so not known to hold no manifest. */
  tooLarge: number;
}

export async function lintPaths(paths: readonly string[], options: LintOptions): Promise<LintResult> {
  const service = createLanguageService({ now: () => options.now, homepage: options.homepage });
  const inventory = options.inventory;
  const extraRules = inventory && inventory.certificates.length > 0 ? [inventoryRule(matchIndexFor(inventory))] : [];
  const files: LintResult['files'] = [];
  let manifests = 0;
  let tooLarge = 0;
  const { problems, emptyFolders } = await readEachFile(
    paths,
    isYamlFileName,
    options.settings.maxFileSize,
    (path, read) => {
      if (read.kind === 'too-large') {
        tooLarge++;
        const diagnostic = fileTooLargeDiagnostic(read.size, options.settings, options.homepage);
        files.push({ path, diagnostics: diagnostic ? [diagnostic] : [], places: diagnostic ? [undefined] : [] });
        return;
      }
      const model = service.parse(decodeText(read.bytes), 'yaml');
      // A List whose items are malformed holds no manifest model, yet it was checked (its shape is
      // the finding): documents count, not the manifests read out of them.
      for (const document of model.documents) if (document.isManifest) manifests++;
      const diagnostics =
        extraRules.length === 0
          ? service.doValidation(model, options.settings)
          : checkFile(model, {
              now: options.now,
              settings: options.settings,
              homepage: options.homepage,
              extraRules,
            }).map((checked) => checked.diagnostic);
      files.push({
        path,
        diagnostics,
        places: diagnostics.map((diagnostic) => manifestPlaceAt(model, diagnostic.range.start)),
      });
    },
  );
  return { files, problems, emptyFolders, manifests, tooLarge };
}
