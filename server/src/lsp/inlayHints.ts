// Inlay hints (what each entry matches in the inventory) over LSP, and asking the client to fetch
// them again when the inventory or the settings change (`workspace/inlayHint/refresh`, when the
// client supports it): the hints of an open manifest change with the certificates, not its text.
import {
  InlayHintKind,
  InlayHintRefreshRequest,
  type Connection,
  type InlayHint as LspInlayHint,
} from 'vscode-languageserver';
import type { InlayHint, InventoryContext, LanguageService } from '../service/index';
import type { OnDocument } from './documentRequest';
import { formatError } from './runner';
import type { Logger } from './runtime';

function toLspInlayHint(hint: InlayHint): LspInlayHint {
  return {
    position: hint.position,
    label: hint.label,
    kind: InlayHintKind.Type,
    paddingLeft: true,
    tooltip: { kind: 'markdown', value: hint.tooltip },
  };
}

export function registerInlayHints(
  connection: Connection,
  onDocument: OnDocument,
  service: () => LanguageService,
  inventory: () => InventoryContext | undefined,
): void {
  connection.languages.inlayHint.on((params, token) =>
    onDocument('inlay hints', params, token, [], (model, settings, { range }) =>
      service().getInlayHints(model, range, settings, inventory()).map(toLspInlayHint),
    ),
  );
}

/** Asks the client to fetch the hints again; a no-op for clients without `workspace.inlayHint.refreshSupport`. */
export function inlayHintRefresher(connection: Connection, supported: boolean, logger: Logger): () => void {
  return () => {
    if (!supported) return;
    connection
      .sendRequest(InlayHintRefreshRequest.type)
      .catch((error: unknown) => logger.error(formatError('Could not ask the client to refresh inlay hints', error)));
  };
}
