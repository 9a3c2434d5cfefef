// Inputs for the pipe tests: kubectl's own output for two TLS Secrets of the cluster PKI
// (test/fixtures/pipes, made by make-kubectl-output.sh), and manifests as kubectl would print
// them with -o json (4-space indent, one newline after each object), since no API server exists
// here to print a custom resource.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cliHarness';

export const PIPES = join(ROOT, 'test', 'fixtures', 'pipes');
export const SECRETS_JSON = readFileSync(join(PIPES, 'secrets.json'), 'utf8');
export const SECRETS_YAML = readFileSync(join(PIPES, 'secrets.yaml'), 'utf8');
/** The same two objects with nothing between them (`}{`), as a program that writes JSON values back to back may. */
export const SECRETS_JSON_COMPACT = SECRETS_JSON.split('\n}\n{\n').join('\n}{\n');

export interface Revocation {
  kind: string;
  [field: string]: string;
}

export function manifestObject(name: string, revocations: Revocation[]) {
  return {
    apiVersion: 'certificates.microsoft.com/v1',
    kind: 'RenewRevocation',
    metadata: { name, namespace: 'kube-system' },
    spec: { description: `Revocations of ${name}`, revocations },
  };
}

export const asKubectlJson = (object: object) => `${JSON.stringify(object, null, 4)}\n`;

/** Revokes the API server's certificate (in the first Secret) by serial. */
export const REVOKE_APISERVER = manifestObject('revoke-apiserver', [
  { kind: 'serialnumber', notBefore: '2024-01-01T00:00:00Z', serialNumber: '1a2b3c4d5e6f7081' },
]);
/** Revokes the etcd client certificate (in the second Secret) by serial. */
export const REVOKE_ETCD_CLIENT = manifestObject('revoke-etcd-client', [
  { kind: 'serialnumber', notBefore: '2024-01-01T00:00:00Z', serialNumber: 'e7c1' },
]);
/** Both, in one manifest: a preview of both Secrets revokes two certificates. */
export const REVOKE_BOTH = manifestObject('revoke-both', [
  { kind: 'serialnumber', notBefore: '2024-01-01T00:00:00Z', serialNumber: '1a2b3c4d5e6f7081' },
  { kind: 'serialnumber', notBefore: '2024-01-01T00:00:00Z', serialNumber: 'e7c1' },
]);
