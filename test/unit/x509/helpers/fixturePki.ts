// The fixture PKI (test/fixtures/pki, made by make-pki.sh with openssl): its files and every
// certificate, CSR and key block found in them by the service's own finder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFile } from '../../../../server/src/service/parse/fileModel';
import { findBlocksInText, findDerFile, type FoundBlock } from '../../../../server/src/service/x509/findCertificates';

export const PKI = join(process.cwd(), 'test', 'fixtures', 'pki');

/** The tests' clock: most fixture certificates are valid, kubelet-client expires in 14.5 days. */
export const FIXTURE_NOW = new Date('2030-06-15T00:00:00Z');

export function fixturePath(name: string): string {
  return join(PKI, name);
}

export function fixtureText(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** Every file of the fixture PKI but the generator script, relative to its folder. */
export function fixtureFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith('.sh')) files.push(relative(PKI, path).split('\\').join('/'));
    }
  };
  walk(PKI);
  return files;
}

export function isYamlName(name: string): boolean {
  return /\.(ya?ml|kubeconfig)$/.test(name);
}

/** The blocks the service finds in a fixture file, as the CLI reads it (DER, or text, YAML data too). */
export function fixtureBlocks(name: string): FoundBlock[] {
  return fileBlocks(fixturePath(name));
}

/** The blocks the service finds in any file, as the CLI reads it. */
export function fileBlocks(path: string): FoundBlock[] {
  const bytes = new Uint8Array(readFileSync(path));
  const der = findDerFile(bytes);
  if (der) return [der];
  const text = Buffer.from(bytes).toString('utf8');
  return findBlocksInText(
    text,
    isYamlName(path) ? parseFile(text, 'yaml').documents.map((document) => document.yaml) : [],
  );
}
