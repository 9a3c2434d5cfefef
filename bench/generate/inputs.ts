// The benchmark's inputs, generated once and cached under bench/.cache/ (git-ignored). Each input
// is written under a temporary name and renamed when complete, so an interrupted run never leaves
// half an input that a later run would trust. The versions name the cache folders: change one
// when its generator changes its output.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchSigner, certificateDer, toPem, type Signer } from './certificates';
import { generateManifest, type FindingsDensity, type GeneratedManifest } from './manifests';
import { certificateFacts } from './population';

export const CERTIFICATES_VERSION = 'v1';
export const MANIFESTS_VERSION = 'v3';

export interface InputLog {
  (message: string): void;
}

export class BenchInputs {
  readonly root: string;
  private readonly manifests: string;
  private readonly certificates: string;
  private signer: Signer | undefined;

  constructor(
    repoRoot: string,
    private readonly log: InputLog = () => undefined,
  ) {
    this.root = join(repoRoot, 'bench', '.cache');
    this.manifests = join(this.root, `manifests-${MANIFESTS_VERSION}`);
    this.certificates = join(this.root, `certificates-${CERTIFICATES_VERSION}`);
    mkdirSync(this.manifests, { recursive: true });
    mkdirSync(this.certificates, { recursive: true });
  }

  /**
   * A manifest of `entries` entries, with its probes, naming certificates among the first
   * `certificateCount` (by default as many as entries, at least 10,000: a different one each),
   * with few findings or (`dense`) about two entries in three with one.
   */
  manifest(
    entries: number,
    certificateCount = Math.max(10_000, entries),
    findings: FindingsDensity = 'few',
  ): GeneratedManifest & { path: string } {
    const name = `manifest-${entries}-of-${certificateCount}${findings === 'dense' ? '-dense' : ''}`;
    const path = join(this.manifests, `${name}.yaml`);
    const probesPath = join(this.manifests, `${name}.probes.json`);
    if (existsSync(path) && existsSync(probesPath)) {
      const text = readFileSync(path, 'utf8');
      return { entries, findings, text, probes: JSON.parse(readFileSync(probesPath, 'utf8')), path };
    }
    const started = Date.now();
    const manifest = generateManifest({ entries, certificateCount, findings });
    writeAtomically(probesPath, JSON.stringify(manifest.probes, null, 2));
    writeAtomically(path, manifest.text);
    this.log(`generated ${name}.yaml (${entries} entries, ${kib(manifest.text.length)}) in ${Date.now() - started} ms`);
    return { ...manifest, path };
  }

  /** One PEM file holding certificates 0 … count-1. */
  bundle(count: number): string {
    const path = join(this.certificates, `bundle-${count}.pem`);
    if (existsSync(path)) return path;
    const started = Date.now();
    writeAtomically(path, this.pem(0, count));
    this.log(`generated bundle-${count}.pem in ${Date.now() - started} ms`);
    return path;
  }

  /**
   * A folder holding certificates 0 … count-1, `perFile` to a file: one per file is a PKI folder
   * (`/etc/kubernetes/pki`); a thousand per file keeps 100,000 certificates in files under the
   * 5 MiB default of renewRevocation.maxFileSize.
   */
  folder(count: number, perFile: number): string {
    const path = join(this.certificates, `folder-${count}-by-${perFile}`);
    if (existsSync(path)) return path;
    const started = Date.now();
    const partial = `${path}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const width = String(Math.ceil(count / perFile) - 1).length;
    for (let first = 0, file = 0; first < count; first += perFile, file++) {
      const name =
        perFile === 1
          ? `cert-${String(file).padStart(width, '0')}.crt`
          : `bundle-${String(file).padStart(width, '0')}.pem`;
      writeFileSync(join(partial, name), this.pem(first, Math.min(count, first + perFile)));
    }
    try {
      renameSync(partial, path);
    } catch (error) {
      // Another run (the smoke test beside a bench) finished the same folder first: keep theirs.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(path)) throw error;
    }
    this.log(`generated folder-${count}-by-${perFile} in ${Date.now() - started} ms`);
    return path;
  }

  private pem(from: number, to: number): string {
    this.signer ??= benchSigner();
    const parts: string[] = [];
    for (let i = from; i < to; i++) parts.push(toPem(certificateDer(certificateFacts(i), this.signer)));
    return parts.join('');
  }
}

function writeAtomically(path: string, text: string): void {
  const partial = `${path}.partial-${process.pid}`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
