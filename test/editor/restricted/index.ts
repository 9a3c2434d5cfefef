// The restricted-mode tests, run in a window of their own (runInCodeServer.mjs): VS Code's
// workspace trust on and a workspace no one trusted. Same shape as ../suite/index.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith('.test.js')) mocha.addFile(join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) =>
      failures > 0 ? reject(new Error(`${failures} restricted-mode editor test(s) failed`)) : resolve(),
    );
  });
}
