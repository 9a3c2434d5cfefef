// Measures, inside the extension host (the web worker's or Node's), the time from opening the
// bench's 10,000-entry manifest to its diagnostics: the server is first started and warmed on the
// documented example, then each copy of the manifest (a new URI each, so nothing is cached) is
// opened and timed until its diagnostics arrive. Prints one line the runner
// (test/editor/diagnosticsTiming.mjs) reads; `run()` fails when no diagnostics come.
import * as vscode from 'vscode';
import { EXTENSION_ID, ourDiagnostics, workspaceUri } from '../suite/helpers';

/** The copies of the manifest the runner puts in the workspace. */
export const TIMING_COPIES = 5;
export const timingCopyName = (index: number) => `bench-10000-${index}.yaml`;
const TIMEOUT_MS = 120_000;

function diagnosticsOf(uri: vscode.Uri): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no diagnostics of ${uri.path} within ${TIMEOUT_MS} ms`));
    }, TIMEOUT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      if (!uris.some((changed) => changed.toString() === uri.toString())) return;
      const count = ourDiagnostics(uri).length;
      if (count === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(count);
    });
  });
}

async function openAndWait(uri: vscode.Uri): Promise<{ ms: number; diagnostics: number }> {
  const started = performance.now();
  const arrived = diagnosticsOf(uri);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const diagnostics = await arrived;
  return { ms: performance.now() - started, diagnostics };
}

export async function run(): Promise<void> {
  const host = typeof (globalThis as { process?: unknown }).process === 'undefined' ? 'web worker' : 'node';
  await vscode.workspace
    .openTextDocument(workspaceUri('documented.yaml'))
    .then((d) => vscode.window.showTextDocument(d));
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  await openAndWait(workspaceUri('warnings.yaml'));
  const samples: Array<{ ms: number; diagnostics: number }> = [];
  for (let index = 0; index < TIMING_COPIES; index++) {
    samples.push(await openAndWait(workspaceUri(timingCopyName(index))));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
  console.log(`RENEW_REVOCATION_TIMING ${JSON.stringify({ host, samples })}`);
}
