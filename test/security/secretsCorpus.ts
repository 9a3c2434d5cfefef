// A folder of files holding private keys of every armor (PKCS#1, PKCS#8 RSA/EC/Ed25519, SEC1,
// encrypted PKCS#8 and legacy encrypted PEM, binary DER) next to and between certificates, in PEM
// bundles (LF and CRLF), YAML (a manifest with Secrets and a ConfigMap beside it, a List of a
// manifest and a Secret, a kubeconfig), Markdown; made at test time from the fixture PKI. And the
// key material that must never appear in any output: every base64 body line and whole body of
// each key, the hex of its DER, and windows of the base64 of each key file as a whole (what the
// decode request sends).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureKeyMaterial, type KeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { findRoot } from '../robustness/repoRoot';

const PKI = join(findRoot(), 'test', 'fixtures', 'pki');
const fixture = (name: string) => readFileSync(join(PKI, name), 'utf8');

export const KEY_FILES = [
  'keys/rsa-pkcs1.key',
  'keys/rsa-pkcs8.key',
  'keys/ec-sec1.key',
  'keys/ec-p384-pkcs8.key',
  'keys/ed25519.key',
  'keys/encrypted-pkcs8.key',
  'keys/rsa-legacy-encrypted.key',
];
const CERTIFICATES = [
  'root-ca.crt',
  'intermediate-ca.crt',
  'leaf-server.crt',
  'kubelet-client.crt',
  'admin-client.crt',
  'negative-serial.crt',
  'ed25519.crt',
];

export interface SecretFile {
  name: string;
  /** The editor's language for the file; undefined for binary files (decoded as bytes only). */
  languageId: 'pem' | 'yaml' | 'markdown' | undefined;
  bytes: Buffer;
}

export interface SecretsCorpus {
  folder: string;
  files: SecretFile[];
  /** A manifest in the folder whose entries match some of the certificates (for the previews). */
  manifest: string;
  material: KeyMaterial[];
  remove(): void;
}

function keyBody(pem: string): string {
  return pem
    .split(/\r?\n/)
    .filter((line) => line !== '' && !line.startsWith('-----') && !line.includes(':'))
    .join('');
}

/** 32-character windows (at base64 quantum boundaries) of a base64 string, past its first 48 characters (the armor of a PEM file). */
function base64Windows(base64: string): string[] {
  const windows: string[] = [];
  for (let at = 48; at + 32 <= base64.length; at += 32) windows.push(base64.slice(at, at + 32));
  return windows;
}

function materialOfWholeFile(source: string, bytes: Buffer): KeyMaterial {
  const base64 = bytes.toString('base64');
  return { source: `${source} as base64`, bodyLines: base64Windows(base64), body: base64.slice(48), derHexWindows: [] };
}

export function makeSecretsCorpus(): SecretsCorpus {
  const folder = mkdtempSync(join(tmpdir(), 'renew-revocation-secrets-'));
  const keys = KEY_FILES.map(fixture);
  const certificates = CERTIFICATES.map(fixture);
  const files: SecretFile[] = [];
  const add = (name: string, languageId: SecretFile['languageId'], content: string | Buffer) => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    writeFileSync(join(folder, name), bytes);
    files.push({ name, languageId, bytes });
  };

  // Keys between certificates, and each key alone.
  const interleaved = certificates.flatMap((certificate, i) => [certificate, ...(keys[i] ? [keys[i]] : [])]).join('');
  add('keys-between-certificates.pem', 'pem', interleaved);
  add('keys-between-certificates-crlf.pem', 'pem', interleaved.replace(/\n/g, '\r\n'));
  KEY_FILES.forEach((name, i) => add(name.replace('keys/', ''), 'pem', keys[i]));
  add('key-and-cert.pem', 'pem', fixture('key-and-cert.pem'));
  // Binary DER keys (PKCS#8 and SEC1).
  add('rsa-pkcs8.der', undefined, Buffer.from(keyBody(keys[1]), 'base64'));
  add('ec-sec1.der', undefined, Buffer.from(keyBody(keys[2]), 'base64'));

  // YAML: a kubeconfig, a Secret, and a manifest with a Secret and a ConfigMap holding keys.
  add('admin.kubeconfig', 'yaml', fixture('admin.kubeconfig'));
  add('secret.yaml', 'yaml', fixture('secret.yaml'));
  const tlsKey = Buffer.from(keys[0]).toString('base64');
  const manifest = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: secrets-nearby',
    'spec:',
    '  revocations:',
    '  - kind: serialnumber',
    '    serialNumber: "01"',
    '    notBefore: "2030-01-01T00:00:00Z"',
    '  - kind: Group',
    '    group: system:nodes',
    '    notBefore: "2030-01-01T00:00:00Z"',
    '  - kind: DNS',
    '    dns: .cluster.local',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata:',
    '  name: leaked',
    'type: kubernetes.io/tls',
    'data:',
    `  tls.crt: ${Buffer.from(certificates[2]).toString('base64')}`,
    `  tls.key: ${tlsKey}`,
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: pasted-by-mistake',
    'data:',
    '  key.pem: |',
    ...keys[2]
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`),
    '  bundle.pem: |',
    ...(certificates[3] + keys[5])
      .trimEnd()
      .split('\n')
      .map((line) => `    ${line}`),
    '',
  ].join('\n');
  add('manifest-with-secrets.yaml', 'yaml', manifest);
  // What `kubectl get renewrevocations,secrets -o yaml` prints: a List whose RenewRevocation item
  // is a manifest, beside a Secret item holding a key.
  const listKey = Buffer.from(keys[6]).toString('base64');
  const list = [
    'apiVersion: v1',
    'items:',
    '- apiVersion: certificates.microsoft.com/v1',
    '  kind: RenewRevocation',
    '  metadata:',
    '    name: listed',
    '  spec:',
    '    revocations:',
    '    - kind: serialnumber',
    '      serialNumber: "01"',
    '- apiVersion: v1',
    '  data:',
    `    tls.crt: ${Buffer.from(certificates[0]).toString('base64')}`,
    `    tls.key: ${listKey}`,
    '  kind: Secret',
    '  metadata:',
    '    name: listed-secret',
    '  type: kubernetes.io/tls',
    'kind: List',
    'metadata:',
    '  resourceVersion: ""',
    '',
  ].join('\n');
  add('list-with-secret.yaml', 'yaml', list);
  add(
    'notes.md',
    'markdown',
    `# Cluster keys\n\nThe API server's key:\n\n\`\`\`\n${keys[3]}\`\`\`\n\nand its certificate:\n\n\`\`\`\n${certificates[2]}\`\`\`\n`,
  );

  const material = [
    ...fixtureKeyMaterial(),
    { source: 'manifest-with-secrets.yaml tls.key', bodyLines: base64Windows(tlsKey), body: tlsKey, derHexWindows: [] },
    { source: 'list-with-secret.yaml tls.key', bodyLines: base64Windows(listKey), body: listKey, derHexWindows: [] },
    ...files.filter((file) => /\.(key|der)$/.test(file.name)).map((file) => materialOfWholeFile(file.name, file.bytes)),
  ];
  return {
    folder,
    files,
    manifest: 'manifest-with-secrets.yaml',
    material,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** Every (line, character) worth a hover in a text: each line at its start, a little in, and far in. */
export function probePositions(text: string): Array<{ line: number; character: number }> {
  return text
    .split('\n')
    .flatMap((line, index) =>
      [0, 6, 40].filter((character) => character <= line.length).map((character) => ({ line: index, character })),
    );
}
