// The cluster PKI fixture (test/fixtures/cluster-pki, made by make-cluster-pki.sh with openssl):
// its files, the serials that name its certificates, its sample manifests, and the key material
// that no output may ever contain.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CertificateInventory } from '../../../server/src/service/inventory/inventory';
import { readCertificateFile } from '../../../server/src/service/inventory/readCertificateFile';

function findRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'test', 'fixtures', 'cluster-pki'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('test/fixtures/cluster-pki was not found above the test');
    folder = parent;
  }
  return folder;
}

export const ROOT = findRoot();
export const CLUSTER_PKI = join(ROOT, 'test', 'fixtures', 'cluster-pki');
export const MANIFESTS = join(CLUSTER_PKI, 'manifests');

/** The tests' clock: the 2021 kubelet client and the 2020 API server certificates have expired. */
export const CLUSTER_NOW = '2025-06-01T00:00:00Z';

/** Serial → what the certificate is (make-cluster-pki.sh's table). */
export const SERIALS = {
  clusterCa: '1',
  etcdCa: '2',
  frontProxyCa: '3',
  apiserver2020: '1a2b3c4d5e6f7000',
  apiserver: '1a2b3c4d5e6f7081',
  apiserverKubeletClient: '1a2b3c4d5e6f7082',
  apiserverEtcdClient: 'e7c1',
  etcdServer: 'e7c2',
  frontProxyClient: 'f00d',
  admin: '2a0d',
  node1Client2021: 'a01',
  node1Client2023: 'a02',
  node2Client: 'b01',
  node3Client: 'c01',
  node1Serving: '5e01',
} as const;

export const ALL_SERIALS: readonly string[] = Object.values(SERIALS);

/** Every file under the fixture (or a sub-folder), relative to the fixture, `/`-separated, sorted. */
export function clusterFiles(under = ''): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(CLUSTER_PKI, path).split('\\').join('/'));
    }
  };
  walk(join(CLUSTER_PKI, under));
  return files;
}

export function clusterBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(CLUSTER_PKI, name)));
}

export function nodeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The inventory of the whole fixture (or a sub-folder) through the pure reader, paths relative to the fixture. */
export function clusterInventory(under = ''): CertificateInventory {
  const inventory = new CertificateInventory();
  for (const name of clusterFiles(under))
    inventory.setFile(name, readCertificateFile(name, clusterBytes(name), { sha256: nodeSha256 }));
  return inventory;
}

const KEY_BLOCK = /-----BEGIN ([A-Z ]*PRIVATE KEY)-----\r?\n([\s\S]*?)-----END \1-----/g;
const KEY_DATA = /^\s*(?:client-key-data|tls\.key): (\S+)$/gm;

/**
 * Every private key of the fixture as text that must never be printed: each base64 line of each
 * key block (PEM files and the PEM inside base64 YAML data) and each base64 key value of the
 * kubeconfigs and Secrets.
 */
export function clusterKeyMaterial(): string[] {
  const material = new Set<string>();
  const addPem = (pem: string) => {
    for (const match of pem.matchAll(KEY_BLOCK)) {
      for (const line of match[2].split(/\r?\n/)) if (line.trim().length >= 16) material.add(line.trim());
    }
  };
  for (const name of clusterFiles()) {
    if (name.startsWith('der/')) continue;
    const text = readFileSync(join(CLUSTER_PKI, name), 'utf8');
    addPem(text);
    for (const match of text.matchAll(KEY_DATA)) {
      material.add(match[1]);
      addPem(Buffer.from(match[1], 'base64').toString('latin1'));
    }
  }
  return [...material];
}
