// The synthetic certificate population: certificate `i` of a cluster-shaped inventory, computed
// from its index alone. Kubelet client and serving certificates, service certificates with DNS
// and IP SANs, user certificates with one or two groups, etcd peers, now and then a CA; serials of
// 1 to 20 octets; dates from 2019 to 2026 with 1 to 10 years of validity. The manifests refer to
// these certificates by index, so that their entries match something.
import { itemRandom, pick, randomInt } from './random';

export const CERTIFICATE_SEED = 0x5eed_c3a7;
/** Groups (O values) of service and user certificates: `team-0` … `team-1999`. */
export const TEAM_COUNT = 2000;
export const NAMESPACE_COUNT = 500;
export const NODE_COUNT = 1000;

export type CertificateRole = 'kubelet-client' | 'kubelet-serving' | 'service' | 'user' | 'etcd' | 'ca';

export interface CertificateFacts {
  index: number;
  role: CertificateRole;
  /** The serial's DER INTEGER content (positive, minimal). */
  serial: Uint8Array;
  /** The canonical serial: lowercase hex without leading zeros. */
  serialHex: string;
  commonName: string;
  /** O values in certificate order. */
  organizations: string[];
  dnsNames: string[];
  /** SAN IP addresses as octets (4 or 16) and as text. */
  ipAddresses: { bytes: Uint8Array; text: string }[];
  notBefore: Date;
  notAfter: Date;
  isCA: boolean;
  extendedKeyUsage: ('serverAuth' | 'clientAuth')[];
}

const START = Date.UTC(2019, 0, 1);
const DAY = 86_400_000;

export function roleOf(index: number): CertificateRole {
  const slot = index % 20;
  if (slot < 6) return 'kubelet-client';
  if (slot < 8) return 'kubelet-serving';
  if (slot < 16) return 'service';
  if (slot < 19) return 'user';
  return index % 1000 === 19 ? 'ca' : 'etcd';
}

export const nodeName = (index: number): string => `node-${index % NODE_COUNT}`;
export const teamOf = (index: number): string => `team-${index % TEAM_COUNT}`;
export const namespaceOf = (index: number): string => `ns-${index % NAMESPACE_COUNT}`;
export const serviceDnsName = (index: number): string => `svc-${index}.${namespaceOf(index)}.svc`;
export const serviceDnsSuffix = (index: number): string => `.${namespaceOf(index)}.svc.cluster.local`;

/** A unique IPv4 address per certificate index (10.0.0.0/8 holds 16 million). */
export function serviceIp(index: number): { bytes: Uint8Array; text: string } {
  const bytes = Uint8Array.of(10, (index >> 16) & 255, (index >> 8) & 255, index & 255);
  return { bytes, text: bytes.join('.') };
}

function nodeIp(index: number): { bytes: Uint8Array; text: string } {
  const node = index % NODE_COUNT;
  const bytes = Uint8Array.of(172, 16, node >> 8, node & 255);
  return { bytes, text: bytes.join('.') };
}

function etcdIp(index: number): { bytes: Uint8Array; text: string } {
  const bytes = new Uint8Array(16);
  bytes[0] = 0xfd;
  bytes[12] = (index >>> 24) & 255;
  bytes[13] = (index >> 16) & 255;
  bytes[14] = (index >> 8) & 255;
  bytes[15] = index & 255;
  const upper = ((index >>> 16) & 0xffff).toString(16);
  const lower = (index & 0xffff).toString(16);
  return { bytes, text: upper === '0' ? `fd00::${lower}` : `fd00::${upper}:${lower}` };
}

function serialOf(next: () => number): Uint8Array {
  const length = pick(next, [1, 2, 4, 8, 9, 12, 16, 16, 16, 16, 16, 20]);
  const octets = Array.from({ length }, () => randomInt(next, 256));
  octets[0] = octets[0] || 1;
  // 20 octets is the RFC 5280 limit for the INTEGER content: keep the top bit clear there.
  if (length === 20) octets[0] &= 0x7f;
  while (octets.length > 1 && octets[0] === 0 && !(octets[1] & 0x80)) octets.shift();
  return Uint8Array.from(octets[0] & 0x80 ? [0, ...octets] : octets);
}

function hexOf(serial: Uint8Array): string {
  return Buffer.from(serial)
    .toString('hex')
    .replace(/^0+(?=.)/, '');
}

export function certificateFacts(index: number, seed = CERTIFICATE_SEED): CertificateFacts {
  const next = itemRandom(seed, index);
  const role = roleOf(index);
  const serial = serialOf(next);
  const notBefore = new Date(START + Math.floor(next() * 7.5 * 365) * DAY + randomInt(next, DAY / 1000) * 1000);
  const years = role === 'ca' ? 10 : pick(next, [1, 1, 1, 1, 2, 5]);
  const notAfter = new Date(notBefore.getTime() + years * 365 * DAY);
  const base = { index, role, serial, serialHex: hexOf(serial), notBefore, notAfter, isCA: role === 'ca' };
  const node = nodeName(index);
  switch (role) {
    case 'kubelet-client':
      return {
        ...base,
        commonName: `system:node:${node}`,
        organizations: ['system:nodes'],
        dnsNames: [],
        ipAddresses: [],
        extendedKeyUsage: ['clientAuth'],
      };
    case 'kubelet-serving':
      return {
        ...base,
        commonName: `system:node:${node}`,
        organizations: ['system:nodes'],
        dnsNames: [node, `${node}.corp.example`],
        ipAddresses: [nodeIp(index)],
        extendedKeyUsage: ['serverAuth'],
      };
    case 'service':
      return {
        ...base,
        commonName: `svc-${index}`,
        organizations: [teamOf(index)],
        dnsNames: [serviceDnsName(index), `svc-${index}.${namespaceOf(index)}.svc.cluster.local`],
        ipAddresses: [serviceIp(index)],
        extendedKeyUsage: ['serverAuth', 'clientAuth'],
      };
    case 'user':
      return {
        ...base,
        commonName: `user-${index}`,
        organizations: index % 100 === 16 ? ['system:masters', teamOf(index)] : [teamOf(index)],
        dnsNames: [],
        ipAddresses: [],
        extendedKeyUsage: ['clientAuth'],
      };
    case 'etcd':
      return {
        ...base,
        commonName: `etcd-${index}`,
        organizations: [],
        dnsNames: [`etcd-${index}.cluster.local`, 'localhost'],
        ipAddresses: [etcdIp(index)],
        extendedKeyUsage: ['serverAuth', 'clientAuth'],
      };
    case 'ca':
      return {
        ...base,
        commonName: `ca-${index}`,
        organizations: ['AKS hybrid'],
        dnsNames: [],
        ipAddresses: [],
        extendedKeyUsage: [],
      };
  }
}
