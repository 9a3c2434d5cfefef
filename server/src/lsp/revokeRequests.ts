// The "Revoke Certificate…" requests (protocol/revokeRequests.ts): the certificates to pick from,
// and the revocation as an edit of an open manifest or the text of a new one. The entries and the
// edit are the service's; this file finds the certificates and the document, and converts.
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CertificateInventory,
  certificateName,
  DEFAULT_MANIFEST_NAME,
  DEFAULT_MANIFEST_NAMESPACE,
  type FileModel,
  type InventoryCertificate,
  type InventoryContext,
  isKubeletServingCertificate,
  newRevocationManifest,
  planRevocation,
  readCertificateFile,
  type RevokePlan,
  sha256Hex,
} from '../service/index';
import { base64Bytes } from './base64Bytes';
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
} from '../protocol';
import type { SafeRunner } from './runner';

export interface RevokeRequestsHost {
  documents: TextDocuments<TextDocument>;
  model(document: TextDocument): FileModel;
  inventory(): InventoryContext | undefined;
  maxFileSize(): number;
}

/** The certificates of a file's bytes, as an inventory of that one file. */
function sourceCertificates(source: CertificateSource, maxFileSize: number): readonly InventoryCertificate[] {
  const bytes = base64Bytes(source.base64);
  if (bytes.length > maxFileSize) return [];
  const inventory = new CertificateInventory();
  inventory.setFile(
    source.uri,
    readCertificateFile(source.uri, bytes, {
      sha256: sha256Hex,
    }),
  );
  return inventory.snapshot().certificates;
}

function displayOf(host: RevokeRequestsHost, source: CertificateSource | undefined): (path: string) => string {
  const inventory = host.inventory();
  return (path) => {
    if (source && path === source.uri) {
      const shown = inventory?.displayPath?.(path);
      if (shown && shown !== path) return shown;
      return decodeURIComponent(path.replace(/^[a-z-]+:\/*/i, '').replace(/^.*\//, ''));
    }
    return inventory?.displayPath?.(path) ?? path;
  };
}

function candidates(host: RevokeRequestsHost, source: CertificateSource | undefined): readonly InventoryCertificate[] {
  if (source) return sourceCertificates(source, host.maxFileSize());
  return host.inventory()?.snapshot.certificates ?? [];
}

function toItem(certificate: InventoryCertificate, display: (path: string) => string): CertificateItem {
  const summary = certificate.certificate;
  return {
    fingerprint: summary.sha256Fingerprint,
    name: certificateName(summary),
    subject: summary.subject,
    issuer: summary.issuer,
    serialNumber: summary.serialNumber,
    groups: summary.organizations,
    dnsNames: summary.dnsNames,
    ipAddresses: summary.ipAddresses,
    paths: certificate.sources.map((place) => display(place.path)),
    notAfter: summary.notAfter,
    isCA: summary.isCA,
    notRevocable: isKubeletServingCertificate(summary),
  };
}

function answer(plan: RevokePlan): RevokeCertificatesResult {
  const named = (certificate: InventoryCertificate) => ({
    name: certificateName(certificate.certificate),
    serialNumber: certificate.certificate.serialNumber,
  });
  return {
    added: plan.added.map(({ certificate }) => named(certificate)),
    alreadyRevoked: plan.alreadyRevoked.map((already) => ({ ...named(already.certificate), entry: already.label })),
    refused: plan.refused.map((refused) => refused.message),
    ...(plan.error !== undefined ? { error: plan.error } : {}),
  };
}

function revoke(host: RevokeRequestsHost, params: RevokeCertificatesParams): RevokeCertificatesResult {
  const wanted = new Set(params.fingerprints);
  // The inventory first: it knows every place a certificate was found, a file only its own.
  const pool = [...candidates(host, undefined), ...(params.source ? candidates(host, params.source) : [])];
  const seen = new Set<string>();
  const certificates = pool.filter((certificate) => {
    const fingerprint = certificate.certificate.sha256Fingerprint;
    if (!wanted.has(fingerprint) || seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
  const empty = { added: [], alreadyRevoked: [], refused: [] };
  if (certificates.length === 0)
    return { ...empty, error: 'the certificate was not found (it is neither in the inventory nor in that file)' };
  const options = { notBefore: params.notBefore, displayPath: displayOf(host, params.source) };
  const target = params.target;
  if ('newManifest' in target) {
    const plan = newRevocationManifest(certificates, {
      ...options,
      name: target.newManifest.name ?? DEFAULT_MANIFEST_NAME,
      namespace: target.newManifest.namespace ?? DEFAULT_MANIFEST_NAMESPACE,
    });
    return { ...answer(plan), ...(plan.added.length > 0 ? { newManifestText: plan.text } : {}) };
  }
  const document = host.documents.get(target.uri);
  if (!document) return { ...empty, error: 'the manifest is not open' };
  const file = host.model(document);
  const manifest = file.manifests[target.manifest ?? 0];
  if (!manifest) return { ...empty, error: 'the file holds no RenewRevocation manifest' };
  const plan = planRevocation(file, manifest, certificates, options);
  const edit = plan.edit;
  return {
    ...answer(plan),
    ...(edit
      ? { changes: { [target.uri]: [{ range: file.lineIndex.range(edit.start, edit.end), newText: edit.newText }] } }
      : {}),
  };
}

/**
 * The command hover cards link to for revoking a certificate: only for a client that says it has
 * it (`initializationOptions.revokeCommandLinks`, the VS Code client), so other editors get no
 * link they cannot follow.
 */
export function revokeCommandFor(initializationOptions: unknown): string | undefined {
  if (typeof initializationOptions !== 'object' || initializationOptions === null) return undefined;
  return (initializationOptions as { revokeCommandLinks?: unknown }).revokeCommandLinks === true
    ? REVOKE_COMMAND
    : undefined;
}

export function registerRevokeRequests(connection: Connection, runner: SafeRunner, host: RevokeRequestsHost): void {
  connection.onRequest(CERTIFICATES_REQUEST, (params: CertificatesParams, token: CancellationToken) =>
    runner.runSafeAsync<CertificatesResult>(
      async () => {
        const display = displayOf(host, params?.source);
        return { certificates: candidates(host, params?.source).map((certificate) => toItem(certificate, display)) };
      },
      { certificates: [] },
      'Error while listing certificates',
      token,
    ),
  );
  connection.onRequest(REVOKE_CERTIFICATES_REQUEST, (params: RevokeCertificatesParams, token: CancellationToken) =>
    runner.runSafeAsync<RevokeCertificatesResult>(
      async () => revoke(host, params),
      { added: [], alreadyRevoked: [], refused: [], error: 'the server could not revoke (see its output)' },
      'Error while revoking certificates',
      token,
    ),
  );
}
