// The "Decode Certificate File" request (protocol/requests.ts): bytes in, the service's readable
// decode out, through the safe runner like every other handler.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { findBlocksInFile, type LanguageService, type ServiceSettings } from '../service/index';
import { DECODE_REQUEST, type DecodeParams, type DecodeResult } from '../protocol';
import { base64Bytes } from './base64Bytes';
import type { SafeRunner } from './runner';

/** Files over `renewRevocation.maxFileSize` are refused, as everywhere else. */
export function registerDecodeRequest(
  connection: Connection,
  runner: SafeRunner,
  service: () => LanguageService,
  settingsFor: (uri: string) => Promise<ServiceSettings>,
): void {
  connection.onRequest(DECODE_REQUEST, (params: DecodeParams, token: CancellationToken) =>
    runner.runSafeAsync<DecodeResult | null>(
      async () => {
        const settings = await settingsFor(params.uri);
        const bytes = base64Bytes(params.base64);
        if (bytes.length > settings.maxFileSize) {
          return {
            text: `This file is ${bytes.length} bytes, more than renewRevocation.maxFileSize (${settings.maxFileSize}): it was not decoded.\n`,
          };
        }
        return { text: service().decodeForView(bytes, settings), blocks: findBlocksInFile(bytes).blocks.length };
      },
      null,
      `Error while decoding ${String(params?.uri)}`,
      token,
    ),
  );
}
