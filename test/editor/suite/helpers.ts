// Helpers for the extension-host tests: open workspace files and wait for what the extension
// publishes (never sleep a fixed time: poll with a deadline).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'renew-revocation.renew-revocation';

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need the example workspace open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last !== undefined) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Opens a workspace file in an editor, with the extension active: activation (on the first YAML
 * document) ends once the language server has started, so requests after it reach the server.
 */
export async function openDocument(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  const editor = await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  return editor;
}

/** Our diagnostics of a document once the server has published some (or `count` of them). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'renew-revocation');
}

export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics of ${uri.path}`, () => {
    const diagnostics = ourDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return String(code);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

/** The position of the first occurrence of `needle` in `document`, plus `delta` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`${document.uri.path} does not contain ${JSON.stringify(needle)}`);
  return document.positionAt(offset + delta);
}

/** Our hovers at a position, once the server answers with one. */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  return waitFor(`a hover at ${uri.path}:${position.line}:${position.character}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
    return hovers.length > 0 ? hovers : undefined;
  });
}

/** `code start-end text` of each diagnostic, sorted: what a user reads in the Problems panel. */
export function summarize(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map(
      ({ range }, index) =>
        `${codeOf(diagnostics[index])} ${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character} ${document.getText(range)}`,
    )
    .sort();
}

/** Closes every editor, reverting unsaved ones (a save prompt would stop the tests). */
export async function closeAllEditors(): Promise<void> {
  for (let left = 50; left > 0 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); left--) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

/**
 * The text of our output channel, once it is open in the Output view (`renewRevocation.showOutput`):
 * VS Code then holds it as a text document.
 */
export function outputChannelText(): string | undefined {
  return vscode.workspace.textDocuments
    .filter((document) => document.uri.scheme === 'output' || /RenewRevocation/.test(document.uri.path))
    .map((document) => document.getText())
    .find((text) => text.includes('RenewRevocation language server'));
}

/**
 * Waits until our diagnostics of `document`, summarized, equal `expected`, and fails with the last
 * ones seen otherwise. (Diagnostics that need the certificate inventory arrive once it is built,
 * after the first ones.)
 */
export async function expectDiagnostics(
  document: vscode.TextDocument,
  expected: readonly string[],
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const wanted = [...expected].sort();
  let last: string[] = [];
  try {
    return await waitFor(
      `the diagnostics of ${document.uri.path}`,
      () => {
        const diagnostics = ourDiagnostics(document.uri);
        last = summarize(document, diagnostics);
        return JSON.stringify(last) === JSON.stringify(wanted) ? diagnostics : undefined;
      },
      timeoutMs,
    );
  } catch {
    assert.deepEqual(last, wanted, `the diagnostics of ${document.uri.path}`);
    throw new Error('unreachable');
  }
}
