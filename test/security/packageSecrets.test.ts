// No key material ships: the npm tarball and the .vsix, built as a user gets them (prepack's
// production build, then vsce package, from a copy of the working tree), hold no test file, no
// fixture, no .key file, no PEM private key block, no kubeconfig or Secret key data, and none of
// the bytes of any key the repository's tests and examples carry (as base64, as hex, or raw).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { extractPackage, packWorkingTree, ROOT, type PackedPackage } from '../package/packedPackage';
import { assertNoKeyMaterial, keyMaterialInText, type KeyMaterial } from '../unit/x509/helpers/keyMaterial';

/** A PEM private key with a body, or key data in YAML (a kubeconfig's client-key-data, a Secret's tls.key). */
const PRIVATE_KEY_BLOCK =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----\r?\n(?:[A-Za-z-]+: [^\n]*\r?\n)*\r?\n?[A-Za-z0-9+/=]{16,}/;
const KEY_DATA = /(?:client-key-data|tls\.key)["']?\s*:\s*["']?[A-Za-z0-9+/=]{16,}/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every key in the repository's test fixtures and examples. */
function repositoryKeys(): KeyMaterial[] {
  return [join(ROOT, 'test', 'fixtures'), join(ROOT, 'examples')]
    .flatMap(filesUnder)
    .flatMap((path) => keyMaterialInText(relative(ROOT, path), readFileSync(path, 'latin1')));
}

/** Raw DER bytes of a key: three 24-byte windows past its first 32 bytes (sequence and version headers every key shares). */
function derWindows(key: KeyMaterial): Buffer[] {
  const der = Buffer.from(key.body, 'base64');
  if (der.length < 128) return [];
  return [32, Math.floor(der.length / 2), der.length - 24].map((at) => der.subarray(at, at + 24));
}

let packed: PackedPackage;
const keys = repositoryKeys();

before(() => {
  packed = packWorkingTree({ vsix: true });
});
after(() => packed?.remove());

test('the repository has keys for the scan to look for', () => {
  assert.ok(keys.length >= 20, `${keys.length} keys found in test/fixtures`);
  assert.ok(keys.some((key) => key.source.includes('cluster-pki/pki/ca.key')));
});

for (const kind of ['tarball', 'vsix'] as const) {
  test(`the ${kind} holds no test, fixture, key file or key material`, () => {
    const file = kind === 'tarball' ? packed.tarball : packed.vsix!;
    const target = join(packed.folder, `extracted-${kind}`);
    extractPackage(file, target);
    const files = filesUnder(target);
    assert.ok(
      files.some((path) => path.endsWith(join('dist', 'server-main.js'))),
      `the ${kind} holds the server bundle`,
    );
    for (const path of files) {
      const name = relative(target, path);
      assert.doesNotMatch(name, /(^|\/)(test|fixtures|bench|out)\//, `${name} is test code or a fixture`);
      assert.doesNotMatch(name, /\.(key|map|ts)$/, `${name} should not ship`);
      const bytes = readFileSync(path);
      const text = bytes.toString('latin1');
      assert.doesNotMatch(text, PRIVATE_KEY_BLOCK, `${name} holds a private key`);
      assert.doesNotMatch(text, KEY_DATA, `${name} holds key data`);
      assertNoKeyMaterial(text, keys, name);
      for (const key of keys)
        for (const window of derWindows(key))
          assert.ok(!bytes.includes(window), `${name} holds the DER bytes of ${key.source}`);
    }
  });
}
