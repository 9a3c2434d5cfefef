// What the people-facing formats of a preview share (the CLI's text, Markdown and CSV; the
// webview's exports): each entry with a short label (`#1`, numbered across the file), its line
// and what it asks for; the certificates' expiry state against a clock; the notes every format
// must carry (the inventory's reach, future certificates refused by entries without notBefore,
// files that could not be read). Pure: the host hands in the entries' lines and the clock.
import type { PreviewCertificate, PreviewEntry, PreviewEntryRef, RevocationPreview } from '../match/preview';
import type { FileModel } from '../parse/fileModel';
import type { ExpiryState } from '../x509/decodedTypes';
import { expiryOf } from '../x509/expiry';
import { abbreviate } from '../text/abbreviate';

export interface ReportEntry {
  entry: PreviewEntry;
  /** `#1`, `#2`… in file order across every RenewRevocation document of the file. */
  label: string;
  /** 1-based line of the entry in the manifest. */
  line: number;
  /** `Group system:nodes`, `DNS .cluster.local` (as written). */
  request: string;
  /** True when it has no notBefore and so refuses future matching certificates too. */
  refusesFuture: boolean;
}

export interface PreviewReport {
  /** The manifest path as given. */
  manifest: string;
  preview: RevocationPreview;
  entries: ReportEntry[];
  now: Date;
  expiryWarningDays: number;
  /** By `document/index`, for the certificates' entry references. */
  byReference: ReadonlyMap<string, ReportEntry>;
}

function entryKey(ref: PreviewEntryRef): string {
  return `${ref.document}/${ref.index}`;
}

/** The 1-based line of each entry of the preview (parallel to `preview.entries`), from the manifest's model. */
export function entryLinesOf(file: FileModel, preview: RevocationPreview): number[] {
  return preview.entries.map((entry) => {
    const model = file.manifests[entry.document]?.entries[entry.index];
    return model ? file.lineIndex.positionAt(model.start).line + 1 : 0;
  });
}

/**
 * The report of a preview. `manifest` is the name people know the manifest by (the path given,
 * a workspace-relative path); `entryLines` the 1-based line of each entry, parallel to
 * `preview.entries` (`entryLinesOf`, or the server's entry locations).
 */
export function buildReport(
  manifest: string,
  entryLines: readonly number[],
  preview: RevocationPreview,
  now: Date,
  expiryWarningDays: number,
): PreviewReport {
  const entries = preview.entries.map((entry, position): ReportEntry => {
    const line = entryLines[position] ?? 0;
    const request = [entry.kind ?? '(no kind)', entry.value === null ? '(no value)' : abbreviate(entry.value)].join(
      ' ',
    );
    return {
      entry,
      label: `#${position + 1}`,
      line,
      request,
      refusesFuture: entry.warnings.some((warning) => warning.code === 'missing-not-before'),
    };
  });
  const byReference = new Map(entries.map((entry) => [entryKey(entry.entry), entry]));
  return { manifest, preview, entries, now, expiryWarningDays, byReference };
}

/** The entries that hit a certificate, in file order. */
export function hittingEntries(report: PreviewReport, certificate: PreviewCertificate): ReportEntry[] {
  return certificate.entries.flatMap((ref) => report.byReference.get(entryKey(ref)) ?? []);
}

/** Their labels: `#1 #3`. */
export function entryLabels(report: PreviewReport, certificate: PreviewCertificate): string[] {
  return hittingEntries(report, certificate).map((entry) => entry.label);
}

export function expiryState(report: PreviewReport, certificate: PreviewCertificate): ExpiryState {
  return expiryOf(certificate, { now: report.now, expiryWarningDays: report.expiryWarningDays }).state;
}

/** `#1 Group system:nodes has no notBefore: future matching certificates will be refused too.` */
export function futureRefusalNote(entry: ReportEntry): string {
  return `${entry.label} ${entry.request} has no notBefore: future matching certificates will be refused too.`;
}

/** Every note the preview must show, in the order people should read them. */
export function reportNotes(report: PreviewReport): string[] {
  return [...report.preview.notes, ...report.entries.filter((entry) => entry.refusesFuture).map(futureRefusalNote)];
}

export type CertificateStatus = 'revoked' | 'not-revocable' | 'kept';

/** The three classes in the order every format lists them. */
export function certificateClasses(
  preview: RevocationPreview,
): Array<{ status: CertificateStatus; certificates: readonly PreviewCertificate[] }> {
  return [
    { status: 'revoked', certificates: preview.revoked },
    { status: 'not-revocable', certificates: preview.notRevocable },
    { status: 'kept', certificates: preview.kept },
  ];
}

export type ClassifiedCertificates = ReadonlyMap<
  string,
  { certificate: PreviewCertificate; status: CertificateStatus }
>;

/** Every certificate of the preview with its class, by fingerprint (what an entry's `matches` name). */
export function classifyCertificates(preview: RevocationPreview): ClassifiedCertificates {
  const byFingerprint = new Map<string, { certificate: PreviewCertificate; status: CertificateStatus }>();
  for (const { status, certificates } of certificateClasses(preview)) {
    for (const certificate of certificates) byFingerprint.set(certificate.sha256Fingerprint, { certificate, status });
  }
  return byFingerprint;
}
