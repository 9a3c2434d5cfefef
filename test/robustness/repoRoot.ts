// The package root (the folder with our package.json above the running test bundle).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findRoot(): string {
  for (let folder = __dirname; ; folder = dirname(folder)) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'renew-revocation') return folder;
    if (dirname(folder) === folder)
      throw new Error(`the renew-revocation package root was not found above ${__dirname}`);
  }
}
