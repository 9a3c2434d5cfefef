// No key material in anything the command line prints (docs/ARCHITECTURE.md, "Invariants"), in every format of every
// subcommand, over the secrets corpus: lint (text, JSON, SARIF, with the inventory), decode (text,
// JSON), preview (text, JSON, Markdown, CSV), and the same with the files on standard input (`-`),
// kubectl's TLS Secrets in JSON and YAML streams among them. Keys are listed by type, never shown.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../cli/cliHarness';
import { SECRETS_JSON, SECRETS_JSON_COMPACT, SECRETS_YAML } from '../cli/pipesFixtures';
import { CLUSTER_PKI, clusterKeyMaterial, MANIFESTS } from '../unit/helpers/clusterPki';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { makeSecretsCorpus } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());
const NOW = ['--now', '2030-06-15T00:00:00Z'];

const RUNS: Array<{ args: string[]; status: number; says: RegExp }> = [
  ...['text', 'json', 'sarif'].map((format) => ({
    args: ['lint', '--format', format, ...NOW, '.', 'admin.kubeconfig'],
    status: 0,
    says: /missing-not-before/,
  })),
  {
    args: ['lint', ...NOW, '.', '--certs', '.'],
    status: 0,
    says: /matches 1 CA certificate|no-match|kubelet-server-cert/,
  },
  { args: ['decode', ...NOW, '.'], status: 0, says: /RSA private key|private key/i },
  { args: ['decode', '--format', 'json', ...NOW, '.'], status: 0, says: /"kind": "key"/ },
  ...['text', 'json', 'markdown', 'csv'].map((format) => ({
    args: ['preview', corpus.manifest, '--certs', '.', '--format', format, ...NOW],
    status: 0,
    says: /serial|Serial/,
  })),
];

for (const { args, status, says } of RUNS) {
  test(`cli: renew-revocation ${args.join(' ')} shows no key material`, () => {
    const result = runCli(args, { cwd: corpus.folder });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.match(output, says, output.slice(0, 3000));
    assert.equal(result.status, status, output.slice(0, 3000));
    assertNoKeyMaterial(output, corpus.material, `renew-revocation ${args.join(' ')}`);
  });
}

/** The corpus's files with keys, each piped into every command that reads standard input. */
const PIPED = ['keys-between-certificates.pem', 'rsa-pkcs8.der', 'ec-sec1.der', 'admin.kubeconfig', 'secret.yaml'];
const STDIN_RUNS: string[][] = [
  ['decode', ...NOW, '-'],
  ['decode', '--format', 'json', ...NOW, '-'],
  ...['text', 'json', 'markdown', 'csv'].map((format) => [
    'preview',
    corpus.manifest,
    '--certs',
    '-',
    '--format',
    format,
    ...NOW,
  ]),
];

for (const file of PIPED) {
  test(`cli: ${file} on standard input shows no key material in decode and preview`, () => {
    const input = readFileSync(join(corpus.folder, file));
    for (const args of STDIN_RUNS) {
      const result = runCli(args, { cwd: corpus.folder, input });
      const output = `${result.stdout}\n${result.stderr}`;
      assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')} < ${file}: ${output.slice(0, 2000)}`);
      if (args[0] === 'decode') assert.match(output, /<stdin>/, `${args.join(' ')} < ${file}`);
      assertNoKeyMaterial(output, corpus.material, `renew-revocation ${args.join(' ')} < ${file}`);
    }
  });
}

test('cli: the corpus manifest with its Secret on standard input shows no key material in lint', () => {
  const input = readFileSync(join(corpus.folder, corpus.manifest));
  for (const format of ['text', 'json', 'sarif']) {
    const result = runCli(['lint', '--format', format, ...NOW, '-', '--certs', '.'], { cwd: corpus.folder, input });
    const output = `${result.stdout}\n${result.stderr}`;
    assert.match(output, /missing-not-before/, output.slice(0, 2000));
    assertNoKeyMaterial(output, corpus.material, `renew-revocation lint --format ${format} - < manifest`);
  }
});

test("cli: kubectl's TLS Secrets (JSON back to back, compact, YAML stream) piped in show no key material", () => {
  const material = clusterKeyMaterial();
  // The Secrets' own tls.key values (base64 of the PEM keys) too.
  for (const match of SECRETS_JSON.matchAll(/"tls\.key": "([^"]+)"/g)) material.push(match[1]);
  assert.ok(material.length > 40);
  const manifest = join(MANIFESTS, 'revoke-apiserver-names.yaml');
  for (const input of [SECRETS_JSON, SECRETS_JSON_COMPACT, SECRETS_YAML]) {
    const runs = [
      ['decode', ...NOW, '-'],
      ['decode', '--format', 'json', ...NOW, '-'],
      ...['text', 'json', 'markdown', 'csv'].map((format) => [
        'preview',
        manifest,
        '--certs',
        '-',
        '--format',
        format,
        ...NOW,
      ]),
      ...['text', 'json', 'sarif'].map((format) => ['lint', '--format', format, ...NOW, manifest, '--certs', '-']),
    ];
    for (const args of runs) {
      const result = runCli(args, { cwd: CLUSTER_PKI, input });
      const output = `${result.stdout}\n${result.stderr}`;
      assert.ok(result.status === 0 || result.status === 1, `${args.join(' ')}: ${output.slice(0, 2000)}`);
      assert.match(output, /<stdin>|kube-apiserver|1a2b3c4d5e6f7081|missing-not-before/, args.join(' '));
      for (const piece of material)
        assert.ok(!output.includes(piece), `${args.join(' ')}: key material in the output: ${piece.slice(0, 20)}…`);
    }
  }
});
