// Restricted mode: the server reads the folders of `renewRevocation.certificatePaths` only when
// the workspace is trusted (package.json declares the setting restricted). The server learns the
// trust at start (initializationOptions.workspaceTrusted) and when the user grants it (VS Code
// cannot take trust back without reloading the window, so granting is the only change).
import { workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { WORKSPACE_TRUST_NOTIFICATION, type WorkspaceTrustParams } from '../../server/src/protocol';

export function workspaceTrustOptions(): { workspaceTrusted: boolean } {
  return { workspaceTrusted: workspace.isTrusted };
}

export function forwardWorkspaceTrust(client: () => BaseLanguageClient | undefined): Disposable {
  return workspace.onDidGrantWorkspaceTrust(() => {
    const params: WorkspaceTrustParams = { trusted: true };
    void client()?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, params);
  });
}
