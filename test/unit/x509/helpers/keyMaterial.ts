// The key material of the fixture's key files, to assert that no output ever contains it: every
// base64 body line of every key block (PEM files, and the base64 key data of the kubeconfig and
// the Secret), each whole body, and the hex of every 16-byte window of each key's DER.
import assert from 'node:assert/strict';
import { fixtureFiles, fixtureText } from './fixturePki';

export interface KeyMaterial {
  /** Where it comes from, for messages. */
  source: string;
  bodyLines: string[];
  body: string;
  derHexWindows: string[];
}

const KEY_BLOCK = /-----BEGIN ([A-Z ]*PRIVATE KEY|PUBLIC KEY)-----\r?\n([\s\S]*?)-----END \1-----/g;

function materialOf(source: string, pem: string): KeyMaterial[] {
  const found: KeyMaterial[] = [];
  for (const match of pem.matchAll(KEY_BLOCK)) {
    const lines = match[2]
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.includes(':'));
    const body = lines.join('');
    const der = Buffer.from(body, 'base64');
    const derHexWindows: string[] = [];
    for (let i = 0; i + 16 <= der.length; i += 8) derHexWindows.push(der.subarray(i, i + 16).toString('hex'));
    found.push({
      source: `${source} (${match[1]})`,
      bodyLines: lines.filter((line) => line.length >= 16),
      body,
      derHexWindows,
    });
  }
  return found;
}

/** The keys of one file's text: its PEM key blocks and the base64 key data of kubeconfigs and Secrets. */
export function keyMaterialInText(name: string, text: string): KeyMaterial[] {
  const material = materialOf(name, text);
  for (const match of text.matchAll(/(?:client-key-data|tls\.key): (\S+)/g)) {
    material.push(...materialOf(`${name} data`, Buffer.from(match[1], 'base64').toString('latin1')));
    material.push({
      source: `${name} base64 data`,
      bodyLines: [match[1].slice(0, 64)],
      body: match[1],
      derHexWindows: [],
    });
  }
  return material;
}

/** Every key of the fixture, in PEM files and in base64 YAML data. */
export function fixtureKeyMaterial(): KeyMaterial[] {
  return fixtureFiles()
    .filter((name) => !name.startsWith('der/') && name !== 'bulk.pem')
    .flatMap((name) => keyMaterialInText(name, fixtureText(name)));
}

/** Fails when `output` holds any piece of any key's material. */
export function assertNoKeyMaterial(output: string, material: readonly KeyMaterial[], what: string): void {
  const compact = output.replace(/\s+/g, '');
  const lowered = output.toLowerCase().replace(/[^0-9a-f]/g, '');
  for (const key of material) {
    for (const line of key.bodyLines) assert.ok(!output.includes(line), `${what} shows a body line of ${key.source}`);
    assert.ok(!compact.includes(key.body), `${what} shows the body of ${key.source}`);
    for (const window of key.derHexWindows)
      assert.ok(!lowered.includes(window), `${what} shows key bytes of ${key.source} in hex`);
  }
}
