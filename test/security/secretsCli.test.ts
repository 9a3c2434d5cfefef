// No key material in anything the command line prints (SPEC §6, §10), in every format of every
// subcommand, over the secrets corpus: lint (text, JSON, SARIF, with the inventory), decode (text,
// JSON), preview (text, JSON, Markdown, CSV). Keys are listed by type, never shown.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { runCli } from '../cli/cliHarness';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { makeSecretsCorpus } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());
const NOW = ['--now', '2030-06-15T00:00:00Z'];

const RUNS: Array<{ args: string[]; status: number; says: RegExp }> = [
  ...['text', 'json', 'sarif'].map((format) => ({ args: ['lint', '--format', format, ...NOW, '.', 'admin.kubeconfig'], status: 0, says: /missing-not-before/ })),
  { args: ['lint', ...NOW, '.', '--certs', '.'], status: 0, says: /matches 1 CA certificate|no-match|kubelet-server-cert/ },
  { args: ['decode', ...NOW, '.'], status: 0, says: /RSA private key|private key/i },
  { args: ['decode', '--format', 'json', ...NOW, '.'], status: 0, says: /"kind": "key"/ },
  ...['text', 'json', 'markdown', 'csv'].map((format) => ({ args: ['preview', corpus.manifest, '--certs', '.', '--format', format, ...NOW], status: 0, says: /serial|Serial/ })),
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
