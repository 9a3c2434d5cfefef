// The extension-host side of the editor tests, in the shape @vscode/test-electron expects:
// `run()` loads every *.test.js beside this file into mocha and resolves when all pass.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // EDITOR_TEST_FILTER=decode runs the files whose names contain it (while working on one).
  const filter = process.env.EDITOR_TEST_FILTER ?? '';
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js') && name.includes(filter)) mocha.addFile(join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
