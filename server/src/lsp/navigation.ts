// Navigation between manifests and certificates over LSP: go to definition on an entry's value
// (the certificates it matches, at each place the inventory found them: several make a peek
// list), find references on a certificate (the manifest entries that match it, in open documents
// and workspace manifests) and workspace symbols (the inventory's certificates by name and serial).
import {
  ResponseError,
  SymbolKind,
  type Connection,
  type Location,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { CertificatePlace, InventoryContext } from '../service/index';
import type { OnDocument } from './documentRequest';
import { referenceManifests, type ReferenceManifestsHost } from './referenceManifests';
import type { SafeRunner } from './runner';

export interface NavigationHost extends ReferenceManifestsHost {
  connection: Connection;
  runner: SafeRunner;
  onDocument: OnDocument;
  inventory: () => InventoryContext | undefined;
  /** The URI of an inventory path; undefined once the file has left the inventory. */
  uriOf: (path: string) => string | undefined;
  /** The size limit of a document (`renewRevocation.maxFileSize`). */
  maxFileSize: (uri: string) => Promise<number>;
}

function toLocations(places: readonly CertificatePlace[], uriOf: (path: string) => string | undefined): Location[] {
  const locations: Location[] = [];
  for (const { path, line } of places) {
    const uri = uriOf(path);
    if (uri) locations.push({ uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  }
  return locations;
}

export function registerNavigation(host: NavigationHost): void {
  const { connection, runner, onDocument, service, inventory, uriOf } = host;

  connection.onDefinition((params, token) =>
    onDocument('definition', params, token, null, (model, _settings, { position }) => {
      const locations = toLocations(service().findDefinition(model, position, inventory()), uriOf);
      return locations.length > 0 ? locations : null;
    }),
  );

  connection.onReferences(async (params, token) => {
    const certificates = await onDocument('references', params, token, [], (model, _settings, { position }) =>
      service().certificatesAt(model, position),
    );
    if (certificates instanceof ResponseError) return certificates;
    if (certificates.length === 0) return [];
    return runner.runSafeAsync<Location[]>(
      async () => {
        const files = await referenceManifests(host, await host.maxFileSize(params.textDocument.uri));
        const models = files.map((file) => file.model);
        return service()
          .findReferences(certificates, models)
          .map((reference) => ({ uri: files[reference.file].uri, range: reference.range }));
      },
      [],
      `Error while finding the entries that match the certificate in ${params.textDocument.uri}`,
      token,
    );
  });

  connection.onWorkspaceSymbol((params, token) =>
    runner.runSafe<SymbolInformation[]>(
      () =>
        service()
          .findWorkspaceSymbols(params.query, inventory())
          .flatMap((symbol) =>
            toLocations([symbol], uriOf).map((location) => ({
              name: symbol.name,
              kind: symbol.isCA ? SymbolKind.Class : SymbolKind.Key,
              containerName: symbol.containerName,
              location,
            })),
          ),
      [],
      `Error while finding certificates for the query ${JSON.stringify(params?.query)}`,
      token,
    ),
  );
}
