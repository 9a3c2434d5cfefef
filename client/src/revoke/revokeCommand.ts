// "RenewRevocation: Revoke Certificate…": from a hover link (the certificate's fingerprint), the
// decoded view (its source file's certificates), a preview row (fingerprints), or the palette (a
// quick pick over the whole inventory). The user picks the manifest and notBefore; the server
// computes the entries and the edit, applied here as one undoable edit, or a new manifest.
import { commands, Uri, window, workspace, type Disposable } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CERTIFICATES_REQUEST,
  REVOKE_CERTIFICATES_REQUEST,
  REVOKE_COMMAND,
  type CertificateItem,
  type CertificateSource,
  type CertificatesParams,
  type CertificatesResult,
  type RevokeCertificatesParams,
  type RevokeCertificatesResult,
  type RevokeCommandArgs,
} from '../../../server/src/protocol';
import { DECODED_SCHEME } from '../decodeCommand';
import { pickCertificate } from './pickCertificate';
import { pickNotBefore, pickTarget, type RevokeTarget } from './pickTarget';
import { base64Of, utf8Bytes } from '../bytes';

/** Answers given in advance (a keybinding's or a script's arguments): no prompt for them. */
export interface RevokeAnswers extends RevokeCommandArgs {
  /** A manifest's URI, or `new`. */
  target?: string;
  /** A manifest to offer first (the previewed one). */
  preferredTarget?: string;
  /** `now` or RFC 3339. */
  notBefore?: string;
}

async function sourceOf(uri: Uri): Promise<CertificateSource | undefined> {
  const open = workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  try {
    const bytes = open ? utf8Bytes(open.getText()) : await workspace.fs.readFile(uri);
    return { uri: uri.toString(), base64: base64Of(bytes) };
  } catch {
    return undefined;
  }
}

/** Where the certificates come from: the args' file, the decoded view's source, the active editor. */
function sourceUri(args: RevokeAnswers): Uri | undefined {
  if (args.uri) return Uri.parse(args.uri);
  const active = window.activeTextEditor?.document.uri;
  if (active?.scheme === DECODED_SCHEME) return Uri.parse(active.query);
  return active;
}

function summary(result: RevokeCertificatesResult): string {
  const parts: string[] = [];
  if (result.added.length > 0)
    parts.push(`+${result.added.length} revoked: ${result.added.map((added) => added.name).join(', ')}`);
  for (const already of result.alreadyRevoked) parts.push(`${already.name} is already revoked by ${already.entry}`);
  return parts.join('. ');
}

export function registerRevokeCommand(client: () => BaseLanguageClient | undefined): Disposable {
  return commands.registerCommand(REVOKE_COMMAND, async (given?: RevokeAnswers) => {
    const args: RevokeAnswers = given ?? {};
    const languageClient = client();
    if (!languageClient) {
      void window.showErrorMessage('RenewRevocation: the language server is not running.');
      return;
    }
    const fromDecodedView = window.activeTextEditor?.document.uri.scheme === DECODED_SCHEME;
    const uri = sourceUri(args);
    const source = uri && (args.uri || fromDecodedView || args.fingerprints) ? await sourceOf(uri) : undefined;
    let fingerprints = args.fingerprints;
    if (!fingerprints || fingerprints.length === 0) {
      const params: CertificatesParams = args.uri || fromDecodedView ? { source } : {};
      const listed = await languageClient.sendRequest<CertificatesResult>(CERTIFICATES_REQUEST, params);
      const picked: CertificateItem | undefined = await pickCertificate(listed.certificates, args.search);
      if (!picked) return;
      fingerprints = [picked.fingerprint];
    }
    const target: RevokeTarget | undefined = await pickTarget(args.target, args.preferredTarget);
    if (!target) return;
    const notBefore = await pickNotBefore(args.notBefore);
    if (!notBefore) return;
    if (target.kind === 'manifest') await workspace.openTextDocument(target.uri);
    const params: RevokeCertificatesParams = {
      fingerprints,
      ...(source ? { source } : {}),
      notBefore,
      target: target.kind === 'new' ? { newManifest: {} } : { uri: target.uri.toString() },
    };
    const result = await languageClient.sendRequest<RevokeCertificatesResult>(REVOKE_CERTIFICATES_REQUEST, params);
    if (result.error && result.added.length === 0) {
      void window.showErrorMessage(`RenewRevocation: nothing revoked: ${result.error}.`);
      return;
    }
    if (result.newManifestText) {
      const document = await workspace.openTextDocument({ language: 'yaml', content: result.newManifestText });
      await window.showTextDocument(document);
    } else if (result.changes) {
      const edit = await languageClient.protocol2CodeConverter.asWorkspaceEdit({ changes: result.changes });
      if (!(await workspace.applyEdit(edit))) {
        void window.showErrorMessage('RenewRevocation: the manifest changed meanwhile; run the command again.');
        return;
      }
    }
    for (const refused of result.refused) void window.showWarningMessage(`RenewRevocation: not revoked: ${refused}`);
    const message = summary(result);
    if (message) void window.showInformationMessage(message);
  });
}
