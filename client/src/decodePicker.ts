// Which file to decode, when the command has none that holds a certificate: the workspace's
// certificate files by name (a bounded search), and "Browse…" for any other file.
import { Uri, window, workspace, type QuickPickItem } from 'vscode';

/** Certificate files the picker lists: enough for a PKI folder, bounded for a large workspace. */
const LISTED_FILES = 200;
const CERTIFICATE_FILES = '**/*.{pem,crt,cer,der,csr,p7b}';
const BROWSE = '$(folder-opened) Browse…';

interface FileItem extends QuickPickItem {
  uri?: Uri;
}

/** `activeName`: the active file that holds no certificate, named in the prompt. */
export async function pickCertificateFile(activeName?: string): Promise<Uri | undefined> {
  const found = await workspace.findFiles(CERTIFICATE_FILES, '**/{node_modules,.git}/**', LISTED_FILES);
  const items: FileItem[] = found
    .map((uri) => ({ label: workspace.asRelativePath(uri), uri }))
    .sort((a, b) => a.label.localeCompare(b.label));
  items.push({ label: BROWSE, alwaysShow: true });
  const picked = await window.showQuickPick(items, {
    title: 'Decode Certificate File',
    placeHolder: activeName
      ? `${activeName} holds no certificate. Which file should be decoded?`
      : 'Which file should be decoded?',
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const browsed = await window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Decode',
    filters: { Certificates: ['pem', 'crt', 'cer', 'der', 'csr', 'key', 'yaml', 'yml'], 'All files': ['*'] },
  });
  return browsed?.[0];
}
