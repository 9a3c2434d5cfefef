// The certificate inventory: every certificate the preview and the inventory diagnostics look at,
// deduplicated by SHA-256 fingerprint, each remembering every place it was found. The host (the
// server's scanner, the CLI) reads files and hands their certificates in one file at a time, so a
// file-change event updates that file's share without rescanning the world.
//
// Paths are opaque strings: the host chooses URIs or OS paths (Windows ones included) and must
// spell one file the same way every time; nothing here splits or normalises them.
import { flatOrUndefined } from '../text/flatString';
import type { CertificateSummary } from '../x509/certificateSummary';

/** One place a certificate was found. */
export interface CertificateSource {
  path: string;
  /** 0-based position among the blocks of that file (certificates, CSRs and keys all counted, as `decode` counts). */
  index: number;
  /** Character offset of the block in the file's text; absent for binary (DER) files. */
  offset?: number;
  /** 0-based line of that offset; absent for binary (DER) files. */
  line?: number;
}

/** A certificate found in a file, before deduplication. */
export interface FoundCertificate {
  certificate: CertificateSummary;
  index: number;
  offset?: number;
  line?: number;
}

export type InventoryProblemCode = 'file-too-large' | 'pem-invalid' | 'unreadable';

/** Something the scan could not use: a file skipped as too large, a block that did not decode. */
export interface InventoryProblem {
  path: string;
  code: InventoryProblemCode;
  message: string;
  /** The block, for `pem-invalid`. */
  index?: number;
  offset?: number;
  line?: number;
}

/** What the host knows of one file. */
export interface InventoryFile {
  certificates: readonly FoundCertificate[];
  problems?: readonly InventoryProblem[];
  /**
   * Whatever the host uses to tell whether the file changed since it was read (size and
   * modification time, a document version): handed back by `stampOf` so that an unchanged file is
   * not read again.
   */
  stamp?: string;
}

/** A distinct certificate with every place it was found, sources in (path, index) order. */
export interface InventoryCertificate {
  certificate: CertificateSummary;
  sources: readonly CertificateSource[];
}

/** The inventory at one version: immutable, certificates in the order of their first source. */
export interface InventorySnapshot {
  version: number;
  certificates: readonly InventoryCertificate[];
  problems: readonly InventoryProblem[];
}

interface FileRecord {
  certificates: FoundCertificate[];
  problems: InventoryProblem[];
  stamp: string | undefined;
}

interface Entry {
  certificate: CertificateSummary;
  /**
   * Every place it was read, in no order (one file may hold it more than once): an array rather
   * than a map by path, as almost every certificate has one source (a map each was 4 MiB at 10,000).
   */
  sources: CertificateSource[];
}

export function compareSources(a: CertificateSource, b: CertificateSource): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.index - b.index;
}

export class CertificateInventory {
  private readonly files = new Map<string, FileRecord>();
  private readonly byFingerprint = new Map<string, Entry>();
  private currentVersion = 0;
  private snapshotCache: InventorySnapshot | undefined;

  /** Increments whenever the certificates or problems change; an unchanged re-read keeps it. */
  get version(): number {
    return this.currentVersion;
  }

  /** The number of distinct certificates. */
  get size(): number {
    return this.byFingerprint.size;
  }

  /** The paths of the files the inventory knows (with or without certificates). */
  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  stampOf(path: string): string | undefined {
    return this.files.get(path)?.stamp;
  }

  get(sha256Fingerprint: string): InventoryCertificate | undefined {
    const entry = this.byFingerprint.get(sha256Fingerprint);
    return entry ? toInventoryCertificate(entry) : undefined;
  }

  /** Adds a file, or replaces what an earlier read of it contributed. */
  setFile(path: string, file: InventoryFile): void {
    const record: FileRecord = {
      certificates: [...file.certificates],
      problems: (file.problems ?? []).map((problem) => ({ ...problem, path })),
      stamp: flatOrUndefined(file.stamp),
    };
    const previous = this.files.get(path);
    if (previous && sameContent(previous, record)) {
      previous.stamp = record.stamp;
      return;
    }
    if (previous) this.withdraw(path, previous);
    this.files.set(path, record);
    for (const found of record.certificates) this.deposit(path, found);
    this.changed();
  }

  removeFile(path: string): void {
    const previous = this.files.get(path);
    if (!previous) return;
    this.withdraw(path, previous);
    this.files.delete(path);
    this.changed();
  }

  /** Removes every file whose path the predicate accepts (a folder removed from the settings). */
  removeFiles(predicate: (path: string) => boolean): void {
    for (const path of [...this.files.keys()]) if (predicate(path)) this.removeFile(path);
  }

  clear(): void {
    if (this.files.size === 0) return;
    this.files.clear();
    this.byFingerprint.clear();
    this.changed();
  }

  /** Every problem, by path then block. */
  problems(): InventoryProblem[] {
    const all: InventoryProblem[] = [];
    for (const path of this.paths()) all.push(...(this.files.get(path)?.problems ?? []));
    return all;
  }

  /** The inventory as it is now; the same object until the next change. */
  snapshot(): InventorySnapshot {
    if (this.snapshotCache?.version === this.currentVersion) return this.snapshotCache;
    const certificates = [...this.byFingerprint.values()].map(toInventoryCertificate);
    certificates.sort(
      (a, b) =>
        compareSources(a.sources[0], b.sources[0]) ||
        compareText(a.certificate.sha256Fingerprint, b.certificate.sha256Fingerprint),
    );
    this.snapshotCache = { version: this.currentVersion, certificates, problems: this.problems() };
    return this.snapshotCache;
  }

  private changed(): void {
    this.currentVersion++;
  }

  private deposit(path: string, found: FoundCertificate): void {
    const fingerprint = found.certificate.sha256Fingerprint;
    let entry = this.byFingerprint.get(fingerprint);
    if (!entry) {
      entry = { certificate: found.certificate, sources: [] };
      this.byFingerprint.set(fingerprint, entry);
    }
    const source: CertificateSource = { path, index: found.index };
    if (found.offset !== undefined) source.offset = found.offset;
    if (found.line !== undefined) source.line = found.line;
    entry.sources.push(source);
  }

  private withdraw(path: string, record: FileRecord): void {
    for (const found of record.certificates) {
      const fingerprint = found.certificate.sha256Fingerprint;
      const entry = this.byFingerprint.get(fingerprint);
      if (!entry) continue;
      entry.sources = entry.sources.filter((source) => source.path !== path);
      // Another file's copy keeps the summary read first: equal fingerprints mean equal DER.
      if (entry.sources.length === 0) this.byFingerprint.delete(fingerprint);
    }
  }
}

function toInventoryCertificate(entry: Entry): InventoryCertificate {
  return { certificate: entry.certificate, sources: [...entry.sources].sort(compareSources) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameContent(a: FileRecord, b: FileRecord): boolean {
  if (a.certificates.length !== b.certificates.length || a.problems.length !== b.problems.length) return false;
  for (let i = 0; i < a.certificates.length; i++) {
    const x = a.certificates[i];
    const y = b.certificates[i];
    if (
      x.certificate.sha256Fingerprint !== y.certificate.sha256Fingerprint ||
      x.index !== y.index ||
      x.offset !== y.offset ||
      x.line !== y.line
    )
      return false;
  }
  for (let i = 0; i < a.problems.length; i++) {
    const x = a.problems[i];
    const y = b.problems[i];
    if (x.code !== y.code || x.message !== y.message || x.index !== y.index || x.offset !== y.offset) return false;
  }
  return true;
}

/** The problem for a file the scan skipped because of `renewRevocation.maxFileSize`. */
export function fileTooLargeProblem(path: string, size: number, maxFileSize: number): InventoryProblem {
  return {
    path,
    code: 'file-too-large',
    message: `${formatBytes(size)} is more than renewRevocation.maxFileSize (${formatBytes(maxFileSize)}): its certificates are not in the inventory. Raise the setting to include it.`,
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
