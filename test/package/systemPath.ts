// A PATH as bare as a fresh login's: the folder under test first, then the system folders (and
// the folder of the node running the tests, which the commands' `#!/usr/bin/env node` needs).
// kubectl's plugin discovery then sees only the plugin under test.
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';

export function pathWith(folder: string): string {
  return [...new Set([folder, '/usr/local/bin', '/usr/bin', '/bin', dirname(process.execPath)])].join(':');
}

/** Why the kubectl tests cannot run here, or false when a kubectl is on PATH. */
export function kubectlMissing(): string | false {
  const found = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return found.status === 0
    ? false
    : "kubectl is not on PATH (.ci/run installs Debian's kubernetes-client): the kubectl plugin tests are skipped";
}
