// "RenewRevocation: Preview Revocation" (`renewRevocation.previewRevocation`): from the palette,
// the editor title button and the code lenses (which pass the manifest's URI and, over an entry,
// `{document, index}`). Without a URI it previews the active manifest, else a visible or open one,
// else one found in the workspace (asking when there are several).
import { commands, Uri, window, workspace, type Disposable, type TextDocument } from 'vscode';
import { PREVIEW_COMMAND, type PreviewEntryRef } from '../../../server/src/protocol';
import { utf8Text } from '../bytes';
import { isManifestText } from '../manifestDetection';
import type { PreviewPanels } from './previewPanel';

/** Manifests looked at when nothing is open: enough for a folder of examples, bounded for a large workspace. */
const WORKSPACE_SEARCH_LIMIT = 500;

function isManifestDocument(document: TextDocument): boolean {
  return document.languageId === 'yaml' && isManifestText(document.getText());
}

function asUri(argument: unknown): Uri | undefined {
  if (argument instanceof Uri) return argument;
  if (typeof argument === 'string' && argument !== '') return Uri.parse(argument);
  return undefined;
}

function asFocus(argument: unknown): Partial<PreviewEntryRef> | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const { document, index } = argument as { document?: unknown; index?: unknown };
  return {
    document: Number.isInteger(document) ? (document as number) : undefined,
    index: Number.isInteger(index) ? (index as number) : undefined,
  };
}

async function workspaceManifests(): Promise<Uri[]> {
  const candidates = await workspace.findFiles('**/*.{yaml,yml}', '**/{node_modules,.git}/**', WORKSPACE_SEARCH_LIMIT);
  const manifests: Uri[] = [];
  for (const uri of candidates) {
    try {
      if (isManifestText(utf8Text(await workspace.fs.readFile(uri)))) manifests.push(uri);
    } catch {
      // Unreadable: not a candidate.
    }
  }
  return manifests.sort((a, b) => a.path.localeCompare(b.path));
}

async function pick(uris: readonly Uri[]): Promise<Uri | undefined> {
  if (uris.length <= 1) return uris[0];
  const picked = await window.showQuickPick(
    uris.map((uri) => ({ label: workspace.asRelativePath(uri), uri })),
    { title: 'Preview Revocation', placeHolder: 'Which manifest?' },
  );
  return picked?.uri;
}

/** The manifest to preview when the command got no URI. */
async function targetManifest(): Promise<Uri | undefined> {
  const active = window.activeTextEditor?.document;
  if (active && isManifestDocument(active)) return active.uri;
  const visible = window.visibleTextEditors.map((editor) => editor.document).find(isManifestDocument);
  if (visible) return visible.uri;
  const open = workspace.textDocuments.filter(isManifestDocument).map((document) => document.uri);
  if (open.length > 0) return pick(open);
  return pick(await workspaceManifests());
}

export function registerPreviewCommand(panels: PreviewPanels): Disposable {
  return commands.registerCommand(PREVIEW_COMMAND, async (resource?: unknown, entry?: unknown) => {
    const uri = asUri(resource) ?? (await targetManifest());
    if (!uri) {
      void window.showInformationMessage(
        'RenewRevocation: open a RenewRevocation manifest to preview what it revokes.',
      );
      return;
    }
    await panels.show(uri, asFocus(entry));
  });
}
