// The four certificates on which openssl and our decoder once disagreed, each made here and
// read by openssl and by us: the CLI's text and JSON, the hover, and the matcher (which reads the
// lean path) for the SAN entries that are no name or address.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/languageService';
import { readCertificateFacts } from '../../server/src/service/x509/decodeCertificate';
import { readCertificateSummary } from '../../server/src/service/x509/leanCertificate';
import { sha256Hex } from '../../server/src/service/x509/digest';
import { matchEach } from '../unit/helpers/previewHarness';
import { toPem } from '../unit/x509/helpers/certificateBuilder';
import {
  makeFidelityCertificates,
  opensslSanEntries,
  opensslText,
  WIDE_ATTRIBUTES,
} from '../unit/x509/helpers/fidelityCertificates';
import { opensslAvailable, opensslReports } from '../unit/x509/helpers/openssl';
import { runCli, tempFolder } from './cliHarness';

const skip = !opensslAvailable() && 'openssl is not installed';
const made = skip ? undefined : makeFidelityCertificates();
const certificates = () => made!;
const NOW = ['--now', '2027-01-01T00:00:00Z'];
const service = createLanguageService({ now: () => new Date('2027-01-01T00:00:00Z') });

function decodeText(der: Uint8Array): string {
  const run = runCli(['decode', ...NOW, 'cert.pem'], { cwd: tempFolder({ 'cert.pem': toPem(der) }) });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  return run.stdout;
}

function decodeJson(der: Uint8Array): Record<string, unknown> {
  const run = runCli(['decode', '--format', 'json', ...NOW, 'cert.pem'], {
    cwd: tempFolder({ 'cert.pem': toPem(der) }),
  });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const records = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
  assert.equal(records.length, 1);
  return records[0];
}

/** The values of the text output's fields with this label (labels and values are two spaces apart at least). */
function textLines(text: string, label: string): string[] {
  const field = new RegExp(`^  ${label} {2,}(.*)$`);
  return text.split('\n').flatMap((line) => field.exec(line)?.[1] ?? []);
}

function hover(der: Uint8Array): string {
  const hovered = service.doHover(service.parse(toPem(der), 'pem'), { line: 1, character: 2 });
  assert.ok(hovered, 'a hover on the certificate');
  return hovered.contents.value;
}

const summaryOf = (der: Uint8Array) => {
  const summary = readCertificateSummary(der, sha256Hex);
  assert.ok(!('error' in summary), 'error' in summary ? summary.error : '');
  return summary;
};

test('a malformed RSA key: RSA, as openssl says, and that the key itself is malformed', { skip }, () => {
  const der = certificates().malformedRsa;
  const openssl = opensslText(der);
  assert.match(openssl, /Public Key Algorithm: rsaEncryption\n\s+Unable to load Public Key/);
  assert.deepEqual(textLines(decodeText(der), 'Public key'), ['RSA (the key itself is malformed)']);
  assert.deepEqual(textLines(decodeText(der), 'Note'), [
    'the RSA public key itself is malformed: the RSA public key at byte 20 claims 111 bytes but only 17 remain',
  ]);
  assert.deepEqual(decodeJson(der).publicKey, { algorithm: 'RSA', malformed: true });
  assert.ok(hover(der).includes('- **Public key** RSA (the key itself is malformed)\n'), hover(der));
});

test(
  'an iPAddress SAN that is not one address: out of ipAddresses, listed as invalid, matching no IP entry',
  { skip },
  () => {
    const der = certificates().maskedIp;
    // openssl: `IP Address:<invalid length=8>, IP Address:192.0.2.1, IP Address:<invalid length=2>`.
    const openssl = opensslSanEntries(opensslText(der));
    const opensslInvalid = openssl
      .map((entry) => /^IP Address:<invalid length=(\d+)>$/.exec(entry)?.[1])
      .filter((length) => length !== undefined)
      .map(Number);
    assert.deepEqual(opensslInvalid, [8, 2]);
    const json = decodeJson(der);
    assert.deepEqual(
      json.ipAddresses,
      opensslReports([der])[0].ipAddresses.filter((ip) => !ip.startsWith('unreadable')),
    );
    assert.deepEqual(json.ipAddresses, ['192.0.2.1']);
    assert.deepEqual(json.invalidSanEntries, [
      { type: 'IP', hex: 'c0000200ffffff00' },
      { type: 'IP', hex: '0a01' },
    ]);
    assert.deepEqual(
      (json.invalidSanEntries as Array<{ hex: string }>).map((entry) => entry.hex.length / 2),
      opensslInvalid,
    );
    const text = decodeText(der);
    assert.deepEqual(textLines(text, 'IP addresses'), ['192.0.2.1']);
    assert.deepEqual(textLines(text, 'Invalid SAN entry'), [
      'IP c0000200ffffff00 (8 octets: an address and mask, not a single address)',
      'IP 0a01 (2 octets: not an address (an address is 4 or 16 octets))',
    ]);
    assert.ok(
      hover(der).includes(
        '- **Invalid SAN entry** `IP c0000200ffffff00 (8 octets: an address and mask, not a single address)`',
      ),
      hover(der),
    );
    const summary = summaryOf(der);
    assert.deepEqual(summary.ipAddresses, ['192.0.2.1']);
    assert.deepEqual(matchEach([summary], 'IP', 'ip', ['192.0.2.0', '192.0.2.1', '255.255.255.0', '10.1.0.0']), [
      [],
      [summary.sha256Fingerprint],
      [],
      [],
    ]);
  },
);

test('a dNSName that is not ASCII: its UTF-8 reading (or hex), marked invalid, matching no DNS entry', { skip }, () => {
  const der = certificates().nonAsciiDns;
  // openssl prints the octets as they are: the emoji's UTF-8, then the one Latin-1 octet.
  const openssl = opensslSanEntries(opensslText(der));
  assert.deepEqual(
    openssl.map((entry) => Buffer.from(entry, 'latin1').toString('hex')),
    [
      Buffer.from('DNS:😜.example.com').toString('hex'),
      Buffer.from('DNS:caf\u00e9.example.com', 'latin1').toString('hex'),
      Buffer.from('DNS:ok.example.com').toString('hex'),
      Buffer.from('IP Address:192.0.2.1').toString('hex'),
    ],
  );
  const json = decodeJson(der);
  assert.deepEqual(json.dnsNames, ['ok.example.com']);
  assert.deepEqual(json.invalidSanEntries, [
    { type: 'DNS', hex: Buffer.from('😜.example.com').toString('hex'), text: '😜.example.com' },
    { type: 'DNS', hex: '636166e92e6578616d706c652e636f6d' },
  ]);
  // Each invalid entry's octets are those openssl prints after `DNS:`.
  assert.deepEqual(
    (json.invalidSanEntries as Array<{ hex: string }>).map((entry) => entry.hex),
    openssl.slice(0, 2).map((entry) => Buffer.from(entry.slice(4), 'latin1').toString('hex')),
  );
  const text = decodeText(der);
  assert.deepEqual(textLines(text, 'DNS names'), ['ok.example.com']);
  assert.deepEqual(textLines(text, 'Invalid SAN entry'), [
    'DNS 😜.example.com (not ASCII, so not a valid DNS name (a dNSName is an IA5String); hex f09f989c2e6578616d706c652e636f6d)',
    'DNS 636166e92e6578616d706c652e636f6d (not ASCII, so not a valid DNS name (a dNSName is an IA5String))',
  ]);
  assert.ok(hover(der).includes('- **Invalid SAN entry** `DNS 😜.example.com (not ASCII'), hover(der));
  const summary = summaryOf(der);
  assert.deepEqual(summary.dnsNames, ['ok.example.com']);
  const latin1Reading = Buffer.from('😜.example.com').toString('latin1');
  assert.deepEqual(
    matchEach([summary], 'DNS', 'dns', [
      '😜.example.com',
      latin1Reading,
      'xn--n28h.example.com',
      'café.example.com',
      'ok.example.com',
    ]),
    [[], [], [], [], [summary.sha256Fingerprint]],
  );
});

test(`a subject of ${WIDE_ATTRIBUTES} attributes decodes, name for name as openssl prints it`, { skip }, () => {
  const der = certificates().wideSubject;
  const report = opensslReports([der])[0];
  const json = decodeJson(der);
  assert.ok(json.subject === report.subject, 'the subject as openssl prints it');
  assert.equal(json.serialNumber, report.serialNumber);
  assert.equal(json.sha256Fingerprint, report.sha256Fingerprint);
  assert.equal((json.subject as string).split(',').length, WIDE_ATTRIBUTES + 1);
  assert.equal(json.commonName, 'wide-subject');
  assert.ok(
    textLines(decodeText(der), 'Subject')[0] === report.subject,
    "the text output's subject as openssl prints it",
  );
  assert.ok(summaryOf(der).subject === report.subject, "the lean path's subject as openssl prints it");
});

test('a certificate that outlasts its time budget is refused with a message, not decoded for ever', { skip }, () => {
  const der = certificates().wideSubject;
  const started = performance.now();
  const full = readCertificateFacts(der);
  assert.ok(full.ok, full.ok ? '' : full.error);
  const took = performance.now() - started;
  assert.ok(took < 250, `the wide subject takes ${Math.round(took)} ms`);
  // No time at all to spend: the first check of the clock (after 1,024 elements) refuses it.
  assert.deepEqual(readCertificateFacts(der, 0), {
    ok: false,
    error:
      'not a valid certificate: it takes longer than 0 ms to decode (millions of elements, say), more than the decoder spends on one certificate',
  });
});
