// The pure inventory reader: every certificate of a file through the lean path, with its place
// (index as `decode` counts, offset, line), and the certificate blocks that do not decode, with why.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  readCertificateFile,
  type CertificateFileReading,
} from '../../../server/src/service/inventory/readCertificateFile';
import { decodeBlock } from '../../../server/src/service/x509/decodeBlocks';
import { findBlocksInFile, findDerFile } from '../../../server/src/service/x509/findCertificates';
import { ALL_SERIALS, clusterBytes, clusterFiles, clusterInventory, nodeSha256, SERIALS } from '../helpers/clusterPki';

function read(name: string): CertificateFileReading {
  return readCertificateFile(name, clusterBytes(name), { sha256: nodeSha256 });
}

/** `index@line:serial` for each certificate: the place and the identity in one string. */
function places(reading: CertificateFileReading): string[] {
  return reading.certificates.map(
    ({ certificate, index, line }) => `${index}@${line ?? '-'}:${certificate.serialNumber}`,
  );
}

test('each kind of file of the cluster PKI: certificates with index, line and serial; keys counted, never read', () => {
  const expected: Record<string, { places: string[]; otherBlocks: number }> = {
    'pki/ca.crt': { places: ['0@0:1'], otherBlocks: 0 },
    'pki/ca.key': { places: [], otherBlocks: 1 },
    'pki/sa.pub': { places: [], otherBlocks: 1 },
    'pki/ca-bundle.pem': { places: ['0@0:1', '1@18:2', '2@36:3'], otherBlocks: 0 },
    'der/front-proxy-client.der': { places: ['0@-:f00d'], otherBlocks: 0 },
    // Certificate first, key second: the kubelet's own layout.
    'kubelet/moc-node-1/kubelet-client-2021-03-01-08-00-00.pem': { places: ['0@0:a01'], otherBlocks: 1 },
    'kubelet/moc-node-1/kubelet-server-current.pem': { places: ['0@0:5e01'], otherBlocks: 1 },
    // certificate-authority-data, client-certificate-data, client-key-data.
    'kubeconfig/admin.conf': { places: ['0@4:1', '1@17:2a0d'], otherBlocks: 1 },
    'secrets/apiserver-tls.yaml': { places: ['0@7:1', '1@8:1a2b3c4d5e6f7081'], otherBlocks: 1 },
    // The List: ca.crt, tls.crt, tls.key; tls.crt, tls.key; a chain of two in one tls.crt, tls.key;
    // a service account token's ca.crt. The Opaque password and the Helm release are not data.
    'secrets/all-secrets.yaml': {
      places: ['0@4:1', '1@5:1a2b3c4d5e6f7081', '3@17:f00d', '5@29:1a2b3c4d5e6f7082', '6@29:1', '8@41:1'],
      otherBlocks: 3,
    },
    'manifests/two-manifests.yaml': { places: [], otherBlocks: 0 },
    'make-cluster-pki.sh': { places: [], otherBlocks: 0 },
  };
  for (const [name, { places: wanted, otherBlocks }] of Object.entries(expected)) {
    const reading = read(name);
    assert.deepEqual(places(reading), wanted, name);
    assert.equal(reading.otherBlocks, otherBlocks, name);
    assert.deepEqual(reading.problems, [], name);
    assert.equal(reading.path, name);
  }
});

test('offsets point at the block: the BEGIN line in PEM, the YAML value holding the data', () => {
  const bundle = new TextDecoder().decode(clusterBytes('pki/ca-bundle.pem'));
  const reading = read('pki/ca-bundle.pem');
  assert.deepEqual(
    reading.certificates.map((found) => found.offset),
    [...bundle.matchAll(/-----BEGIN CERTIFICATE-----/g)].map((match) => match.index),
  );
  const kubeconfig = new TextDecoder().decode(clusterBytes('kubeconfig/admin.conf'));
  const [ca, client] = read('kubeconfig/admin.conf').certificates;
  assert.equal(kubeconfig.slice(ca.offset, ca.offset! + 13), 'LS0tLS1CRUdJT');
  assert.equal(
    kubeconfig.slice(client.offset! - 'client-certificate-data: '.length, client.offset),
    'client-certificate-data: ',
  );
});

test('the index of each certificate is the one `decode` gives it (the finder shared, all kinds counted)', () => {
  for (const name of clusterFiles()) {
    const bytes = clusterBytes(name);
    const { blocks } = findBlocksInFile(findDerFile(bytes) ? bytes : new TextDecoder().decode(bytes));
    const counted = blocks.filter((block) => block.kind !== 'unknown' || block.label === 'DER');
    const fromDecode = counted.flatMap((block, index) => {
      const decoded = decodeBlock(block);
      return decoded.ok && decoded.record.kind === 'certificate'
        ? [`${index}:${decoded.record.serialNumber}:${decoded.record.sha256Fingerprint}`]
        : [];
    });
    const fromReader = read(name).certificates.map(
      ({ index, certificate }) => `${index}:${certificate.serialNumber}:${certificate.sha256Fingerprint}`,
    );
    assert.deepEqual(fromReader, fromDecode, name);
  }
});

test('the inventory of the cluster PKI: 15 distinct certificates, every place each was found', () => {
  const snapshot = clusterInventory().snapshot();
  assert.deepEqual(
    snapshot.certificates.map((found) => found.certificate.serialNumber).sort(),
    [...ALL_SERIALS].sort(),
  );
  assert.deepEqual(snapshot.problems, []);
  const sourcesOf = (serial: string) =>
    snapshot.certificates
      .find((found) => found.certificate.serialNumber === serial)!
      .sources.map((source) => `${source.path}#${source.index}`);
  // The cluster CA: PEM file, bundle, both kubeconfigs, the Secret, and three times in the List.
  assert.deepEqual(sourcesOf(SERIALS.clusterCa), [
    'kubeconfig/admin.conf#0',
    'kubeconfig/moc-node-2-kubelet.conf#0',
    'pki/ca-bundle.pem#0',
    'pki/ca.crt#0',
    'secrets/all-secrets.yaml#0',
    'secrets/all-secrets.yaml#6',
    'secrets/all-secrets.yaml#8',
    'secrets/apiserver-tls.yaml#0',
  ]);
  assert.deepEqual(sourcesOf(SERIALS.apiserver), [
    'pki/apiserver.crt#0',
    'secrets/all-secrets.yaml#1',
    'secrets/apiserver-tls.yaml#1',
  ]);
  assert.deepEqual(sourcesOf(SERIALS.frontProxyClient), [
    'der/front-proxy-client.der#0',
    'pki/front-proxy-client.crt#0',
    'secrets/all-secrets.yaml#3',
  ]);
  assert.deepEqual(sourcesOf(SERIALS.node1Client2023), [
    'kubelet/moc-node-1/kubelet-client-2023-05-01-08-00-00.pem#0',
    'kubelet/moc-node-1/kubelet-client-current.pem#0',
  ]);
  assert.deepEqual(sourcesOf(SERIALS.node2Client), [
    'kubeconfig/moc-node-2-kubelet.conf#1',
    'kubelet/moc-node-2/kubelet-client-current.pem#0',
  ]);
});

test('the lean summaries carry what matching needs, in the canonical forms', () => {
  const snapshot = clusterInventory().snapshot();
  const bySerial = new Map(snapshot.certificates.map((found) => [found.certificate.serialNumber, found.certificate]));
  const apiserver = bySerial.get(SERIALS.apiserver)!;
  assert.deepEqual(apiserver.dnsNames, [
    'moc-control-plane',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    'kubernetes.default.svc.cluster.local',
  ]);
  assert.deepEqual(apiserver.ipAddresses, ['10.96.0.1', '192.168.0.10', 'fd00:10:96::1']);
  assert.equal(apiserver.issuer, 'CN=kubernetes');
  assert.deepEqual(bySerial.get(SERIALS.etcdServer)!.ipAddresses, ['192.168.0.10', '127.0.0.1', '::1']);
  const serving = bySerial.get(SERIALS.node1Serving)!;
  assert.equal(serving.subject, 'CN=system:node:moc-node-1,O=system:nodes');
  assert.deepEqual(serving.extendedKeyUsage, ['serverAuth']);
  assert.deepEqual(bySerial.get(SERIALS.admin)!.organizations, ['system:masters']);
  assert.equal(bySerial.get(SERIALS.clusterCa)!.isCA, true);
  assert.equal(bySerial.get(SERIALS.node2Client)!.notBefore, '2022-07-15T12:00:00Z');
});

test('text and bytes read alike; UTF-16 with its byte order mark and CRLF line ends too', () => {
  const name = 'secrets/all-secrets.yaml';
  const text = new TextDecoder().decode(clusterBytes(name));
  const fromBytes = read(name);
  assert.deepEqual(readCertificateFile(name, text, { sha256: nodeSha256 }), fromBytes);
  const crlf = text.replace(/\n/g, '\r\n');
  assert.deepEqual(places(readCertificateFile(name, crlf, { sha256: nodeSha256 })), places(fromBytes));
  const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(crlf, 'utf16le'))]);
  assert.deepEqual(places(readCertificateFile(name, utf16, { sha256: nodeSha256 })), places(fromBytes));
});

test('the portable SHA-256 is the default and gives the same fingerprints', () => {
  const name = 'kubeconfig/admin.conf';
  assert.deepEqual(readCertificateFile(name, clusterBytes(name)), read(name));
});

const CA_PEM = new TextDecoder().decode(clusterBytes('pki/ca.crt'));
const CA_BODY = CA_PEM.split('\n').slice(1, -2).join('\n');
const CA_DER = Buffer.from(CA_BODY, 'base64');

test('certificate blocks that do not decode are problems with their place and why; the others still count', () => {
  const truncatedDer = Buffer.from(CA_DER.subarray(0, 400)).toString('base64');
  const text = [
    CA_PEM.trim(),
    '-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----',
    `-----BEGIN CERTIFICATE-----\n${truncatedDer}\n-----END CERTIFICATE-----`,
    '-----BEGIN PRIVATE KEY-----\nbroken key, never decoded\n-----END PRIVATE KEY-----',
    '-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----',
    `-----BEGIN CERTIFICATE-----\n${CA_BODY.slice(0, 200)}`,
  ].join('\n');
  const reading = readCertificateFile('broken.pem', text, { sha256: nodeSha256 });
  assert.deepEqual(places(reading), ['0@0:1']);
  assert.equal(reading.otherBlocks, 1);
  const offsets = [...text.matchAll(/-----BEGIN CERTIFICATE-----/g)].map((match) => match.index);
  assert.deepEqual(
    reading.problems.map(({ path, code, index, offset, line, message }) => ({
      path,
      code,
      index,
      offset,
      line,
      message,
    })),
    [
      {
        path: 'broken.pem',
        code: 'pem-invalid',
        index: 1,
        offset: offsets[1],
        line: 18,
        message:
          'PEM CERTIFICATE, lines 19–21: the body of the CERTIFICATE block is not valid base64: `!` is not a base64 character',
      },
      {
        path: 'broken.pem',
        code: 'pem-invalid',
        index: 2,
        offset: offsets[2],
        line: 21,
        // The outer SEQUENCE of a certificate this size has a 4-byte header.
        message: `PEM CERTIFICATE, lines 22–24: the certificate does not decode: the certificate at byte 0 claims ${CA_DER.length - 4} bytes but only 396 remain`,
      },
      {
        path: 'broken.pem',
        code: 'pem-invalid',
        index: 4,
        offset: offsets[3],
        line: 30,
        message:
          'PEM CERTIFICATE, lines 31–35: the CERTIFICATE block has no `-----END CERTIFICATE-----` line: it is cut short',
      },
    ],
  );
});

test('certificate data in YAML that does not decode is a problem at its key; placeholders are not data', () => {
  const text = [
    'apiVersion: v1',
    'kind: Secret',
    'data:',
    '  tls.crt: "this is not base64 data!!"',
    '  ca.crt: ${CA_DATA}',
    `  tls.key: ${Buffer.from('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n').toString('base64')}`,
    '',
  ].join('\n');
  const reading = readCertificateFile('secret.yaml', text);
  assert.deepEqual(reading.certificates, []);
  assert.equal(reading.otherBlocks, 1);
  assert.deepEqual(
    reading.problems.map(({ code, index, line, message }) => ({ code, index, line, message })),
    [
      {
        code: 'pem-invalid',
        index: 0,
        line: 3,
        message: '`tls.crt` (base64 DER), line 4: `tls.crt` is not valid base64: `!` is not a base64 character',
      },
    ],
  );
});

test('content over maxFileSize is not read: one file-too-large problem', () => {
  const bytes = clusterBytes('secrets/all-secrets.yaml');
  const reading = readCertificateFile('secrets/all-secrets.yaml', bytes, { maxFileSize: 1024 });
  assert.deepEqual(reading.certificates, []);
  assert.deepEqual(
    reading.problems.map((problem) => problem.code),
    ['file-too-large'],
  );
  assert.match(reading.problems[0].message, /^\d+\.\d KiB is more than renewRevocation\.maxFileSize \(1\.0 KiB\)/);
  assert.equal(readCertificateFile('x', bytes, { maxFileSize: bytes.length }).certificates.length, 6);
});

test('YAML without certificate data, Markdown and binary garbage: nothing found, nothing thrown', () => {
  const manifest = new TextDecoder().decode(clusterBytes('manifests/revoke-apiserver-names.yaml'));
  assert.deepEqual(readCertificateFile('m.yaml', manifest), {
    path: 'm.yaml',
    certificates: [],
    problems: [],
    otherBlocks: 0,
  });
  const markdown = `# Notes\n\nA PEM file starts with \`-----BEGIN CERTIFICATE-----\` and ends with \`-----END CERTIFICATE-----\`.\n\n\`\`\`\n${CA_PEM}\`\`\`\n`;
  assert.deepEqual(places(readCertificateFile('notes.md', markdown, { sha256: nodeSha256 })), ['0@5:1']);
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
      const reading = readCertificateFile('random.bin', bytes);
      assert.ok(Array.isArray(reading.certificates) && Array.isArray(reading.problems));
    }),
    { numRuns: 300 },
  );
});
