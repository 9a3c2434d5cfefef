// A bundle of certificates shaped like a cluster's: kubelet client and serving certificates,
// API server and etcd certificates with DNS and IP SANs, admin certificates with two O values,
// a few CAs; serials of every length and sign of top bit, dates from 2019 to past 2050. One key
// signs them all and is the subject key of all (the parsers do not look at it). Deterministic.
import { buildCertificate, createSigner, STRING_TAG, type CertificateSpec, type Signer } from './certificateBuilder';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';

/** A small deterministic generator (mulberry32), so a bundle is the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Minimal DER content of a positive serial from random octets: a 0x00 in front of a set top bit. */
function positiveSerial(octets: number[]): Uint8Array {
  while (octets.length > 1 && octets[0] === 0 && !(octets[1] & 0x80)) octets.shift();
  return Uint8Array.from(octets[0] & 0x80 ? [0, ...octets] : octets);
}

/** The spec of the `index`-th certificate of a bundle. */
export function bundleSpec(index: number, next: () => number): CertificateSpec {
  const serial = positiveSerial(Array.from({ length: 1 + Math.floor(next() * 19) }, () => Math.floor(next() * 256)));
  const start = Date.UTC(2019, 0, 1) / 1000 + Math.floor(next() * 8 * 365 * 86400);
  const years = [1, 1, 1, 2, 5, 10, 30][Math.floor(next() * 7)];
  const notBefore = isoDate(start);
  const notAfter = isoDate(start + years * 365 * 86400);
  const node = `node-${index % 500}`;
  const issuer = [[{ type: '2.5.4.3', value: 'kubernetes', tag: STRING_TAG.PRINTABLE }]];
  switch (index % 5) {
    case 0: // kubelet client
      return {
        serial,
        notBefore,
        notAfter,
        issuer,
        subject: [[{ type: '2.5.4.10', value: 'system:nodes' }], [{ type: '2.5.4.3', value: `system:node:${node}` }]],
        ca: false,
        extendedKeyUsage: [CLIENT_AUTH],
      };
    case 1: // kubelet serving
      return {
        serial,
        notBefore,
        notAfter,
        issuer,
        subject: [[{ type: '2.5.4.10', value: 'system:nodes' }], [{ type: '2.5.4.3', value: `system:node:${node}` }]],
        dnsNames: [node, `${node}.cluster.local`],
        ipAddresses: [Uint8Array.of(10, 0, Math.floor(index / 256) % 256, index % 256)],
        extendedKeyUsage: [SERVER_AUTH],
      };
    case 2: // API server
      return {
        serial,
        notBefore,
        notAfter,
        issuer,
        subject: [[{ type: '2.5.4.3', value: 'kube-apiserver' }]],
        dnsNames: [
          'kubernetes',
          'kubernetes.default',
          'kubernetes.default.svc',
          'kubernetes.default.svc.cluster.local',
          `apiserver-${index}.example.com`,
        ],
        ipAddresses: [
          Uint8Array.of(10, 96, 0, 1),
          Uint8Array.of(0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, index >> 8, index & 0xff),
        ],
        ca: false,
        extendedKeyUsage: [SERVER_AUTH],
      };
    case 3: // admin with two groups
      return {
        serial,
        notBefore,
        notAfter,
        issuer,
        subject: [
          [{ type: '2.5.4.10', value: 'system:masters' }],
          [{ type: '2.5.4.10', value: 'kubeadm:cluster-admins' }],
          [{ type: '2.5.4.3', value: `admin-${index}` }],
        ],
        extendedKeyUsage: [CLIENT_AUTH],
      };
    default: // a CA now and then, else an etcd peer
      return index % 50 === 4
        ? {
            serial,
            notBefore,
            notAfter: isoDate(start + 40 * 365 * 86400),
            issuer,
            subject: [
              [{ type: '2.5.4.6', value: 'US', tag: STRING_TAG.PRINTABLE }],
              [{ type: '2.5.4.10', value: 'AKS hybrid' }],
              [{ type: '2.5.4.3', value: `ca-${index}` }],
            ],
            ca: true,
          }
        : {
            serial,
            notBefore,
            notAfter,
            issuer,
            subject: [[{ type: '2.5.4.3', value: `etcd-peer-${index}` }]],
            dnsNames: [`etcd-${index}`, 'localhost'],
            ipAddresses: [Uint8Array.of(127, 0, 0, 1), Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)],
            extendedKeyUsage: [SERVER_AUTH, CLIENT_AUTH],
          };
  }
}

/**
 * `count` DER certificates signed by `signer` (a P-256 key by default: fast to sign with), each
 * carrying an RSA 2048 public key as cluster certificates do, so that sizes are realistic.
 */
export function buildBundle(count: number, signer: Signer = createSigner('ec'), seed = 2201): Uint8Array[] {
  const next = random(seed);
  const subjectKey = createSigner('rsa').spki;
  return Array.from({ length: count }, (_, index) =>
    buildCertificate({ ...bundleSpec(index, next), spki: subjectKey }, signer),
  );
}
