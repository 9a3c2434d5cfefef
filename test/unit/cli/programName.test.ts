// The name the command line gives itself in help and hints: `kubectl renew-revocation` when kubectl
// runs it as its plugin (kubectl-renew_revocation, through npm's shims too), else renew-revocation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { helpFor, programName } from '../../../server/src/cli/programName';

test('the kubectl plugin file, as linked, shimmed or run directly, is `kubectl renew-revocation`', () => {
  for (const path of [
    '/usr/local/bin/kubectl-renew_revocation',
    '/usr/lib/node_modules/renew-revocation/bin/kubectl-renew_revocation.js',
    'C:\\Users\\ann\\AppData\\Roaming\\npm\\kubectl-renew_revocation.cmd',
  ]) {
    assert.equal(programName(path.replace(/\\/g, '/')), 'kubectl renew-revocation', path);
  }
});

test('any other script, or none, is renew-revocation', () => {
  assert.equal(programName('/usr/local/bin/renew-revocation'), 'renew-revocation');
  assert.equal(programName('/repo/bin/renew-revocation.js'), 'renew-revocation');
  assert.equal(programName('/repo/dist/cli.js'), 'renew-revocation');
  assert.equal(programName('/opt/kubectl-tools/renew-revocation.js'), 'renew-revocation');
  assert.equal(programName(undefined), 'renew-revocation');
});

test('help written for renew-revocation names the program in usage lines and command examples only', () => {
  const help =
    'renew-revocation: checks manifests.\n\nUsage: renew-revocation lint PATH\n  -h  `renew-revocation <command> --help` for a command\n';
  assert.equal(
    helpFor('kubectl renew-revocation', help),
    'renew-revocation: checks manifests.\n\nUsage: kubectl renew-revocation lint PATH\n  -h  `kubectl renew-revocation <command> --help` for a command\n',
  );
  assert.equal(helpFor('renew-revocation', help), help);
});
