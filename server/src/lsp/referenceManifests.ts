// The manifests find references searches: every open YAML document (its current version, from the
// model cache) and every workspace file the inventory scan saw holding a RenewRevocation that is
// not open (read and parsed for the request; a file over the size limit or unreadable is skipped).
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, type FileModel, type LanguageService } from '../service/index';
import type { ModelCache } from './modelCache';
import type { FileSystemAccess } from './runtime';

export interface ManifestFile {
  uri: string;
  model: FileModel;
}

export interface ReferenceManifestsHost {
  documents: TextDocuments<TextDocument>;
  models: ModelCache;
  service: () => LanguageService;
  fileSystem: FileSystemAccess | undefined;
  /** Workspace files holding a manifest, as the inventory scan last read them. */
  workspaceManifestUris: () => string[];
}

export async function referenceManifests(host: ReferenceManifestsHost, maxFileSize: number): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  const open = new Set<string>();
  for (const document of host.documents.all()) {
    open.add(document.uri);
    if (document.languageId !== 'yaml' || document.getText().length > maxFileSize) continue;
    const model = host.models.get(document);
    if (model.manifests.length > 0) files.push({ uri: document.uri, model });
  }
  const fileSystem = host.fileSystem;
  if (!fileSystem) return files;
  for (const uri of host.workspaceManifestUris()) {
    if (open.has(uri)) continue;
    const stat = await fileSystem.stat(uri).catch(() => undefined);
    if (!stat || stat.type !== 'file' || stat.size > maxFileSize) continue;
    const bytes = await fileSystem.readFile(uri).catch(() => undefined);
    if (!bytes) continue;
    const model = host.service().parse(decodeText(bytes), 'yaml');
    if (model.manifests.length > 0) files.push({ uri, model });
  }
  return files;
}
