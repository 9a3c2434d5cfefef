// Where "Revoke Certificate…" writes, and the notBefore of the entries: the active manifest first,
// then the other manifests of the workspace, then a new manifest; notBefore now unless the user
// types another instant.
import { Uri, window, workspace, type QuickPickItem } from 'vscode';
import { isManifestText } from '../manifestDetection';
import { formatInstant } from '../newManifestTemplate';
import { utf8Text } from '../bytes';

export type RevokeTarget = { kind: 'manifest'; uri: Uri } | { kind: 'new' };

interface TargetPick extends QuickPickItem {
  target: RevokeTarget;
}

const MAX_MANIFEST_FILES = 500;

async function workspaceManifests(): Promise<Uri[]> {
  const files = await workspace.findFiles('**/*.{yaml,yml}', '**/node_modules/**', MAX_MANIFEST_FILES);
  const manifests: Uri[] = [];
  for (const file of files.sort((a, b) => a.path.localeCompare(b.path))) {
    try {
      if (isManifestText(utf8Text(await workspace.fs.readFile(file)))) manifests.push(file);
    } catch {
      // A file that vanished or cannot be read is no target.
    }
  }
  return manifests;
}

/** `target`: an answer given in advance (a manifest URI or `new`). */
/** `preferred`: a manifest to offer first (the previewed one), else the active editor's. */
export async function pickTarget(target: string | undefined, preferred?: string): Promise<RevokeTarget | undefined> {
  if (target === 'new') return { kind: 'new' };
  if (target) return { kind: 'manifest', uri: Uri.parse(target) };
  const active = window.activeTextEditor?.document;
  const activeManifest = preferred
    ? Uri.parse(preferred)
    : active?.languageId === 'yaml' && isManifestText(active.getText())
      ? active.uri
      : undefined;
  const picks: TargetPick[] = [];
  if (activeManifest)
    picks.push({
      label: workspace.asRelativePath(activeManifest),
      description: preferred ? 'the previewed manifest' : 'the active manifest',
      target: { kind: 'manifest', uri: activeManifest },
    });
  for (const uri of await workspaceManifests()) {
    if (uri.toString() !== activeManifest?.toString())
      picks.push({ label: workspace.asRelativePath(uri), target: { kind: 'manifest', uri } });
  }
  picks.push({ label: 'New manifest', description: 'an untitled manifest with the entry', target: { kind: 'new' } });
  const picked = await window.showQuickPick(picks, {
    title: 'Revoke Certificate: add the entry to',
    placeHolder: 'The manifest that gets the serial-number entry',
  });
  return picked?.target;
}

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** `answer`: given in advance (`now` or RFC 3339). */
export async function pickNotBefore(answer: string | undefined): Promise<string | undefined> {
  const now = formatInstant(new Date());
  if (answer === 'now') return now;
  if (answer) return INSTANT.test(answer) ? answer : undefined;
  return window.showInputBox({
    title: 'Revoke Certificate: notBefore',
    prompt: 'Certificates issued before this instant are revoked (RFC 3339, UTC). Now revokes the existing ones.',
    value: now,
    validateInput: (value) =>
      INSTANT.test(value) && !Number.isNaN(Date.parse(value))
        ? undefined
        : 'An RFC 3339 date-time with a zone, like 2026-01-31T12:00:00Z',
  });
}
