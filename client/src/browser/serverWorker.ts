// Starts the language server's browser bundle (dist/browser/server.js) in a web worker. Where the
// extension is served from the page's origin (vscode.dev, github.dev) its URI makes a worker at
// once; a remote extension's URI (code-server, Codespaces in the browser: `vscode-remote:`) cannot
// ("Creating workers from remote extensions is currently not supported"), but the extension
// host's fetch resolves it, and the script fetched makes a worker from a Blob.
import { Uri } from 'vscode';

export async function startServerWorker(extensionUri: Uri): Promise<Worker> {
  const script = Uri.joinPath(extensionUri, 'dist', 'browser', 'server.js');
  try {
    return new Worker(script.toString(true));
  } catch {
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`could not load the language server (${response.status} ${response.statusText})`);
    const blob = new Blob([await response.text()], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
  }
}
