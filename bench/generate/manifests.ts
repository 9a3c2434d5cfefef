// RenewRevocation manifests of any size, shaped like real ones: mostly serial numbers, then DNS
// names (now and then a suffix), IP addresses and a few groups, nine in ten with notBefore, some
// with a description, and about one entry in 67 with a mistake (a schema error, an invalid
// serial, DNS name or IP, an unknown key, a bad date, a numeric serial, a case variant of a kind).
// Each entry names a different certificate of the synthetic population, so the entries match an
// inventory built from it and duplicates are rare.
// The entry in the middle is always a well-formed serial entry: the edit, hover and completion
// probes sit there; the entry after it is a Group without notBefore, for the code action probe.
// A findings-dense manifest (`findings: 'dense'`) takes its other entries from denseEntries.ts.
import { denseEntry } from './denseEntries';
import { certificateFacts, serviceDnsName, serviceDnsSuffix, serviceIp, teamOf } from './population';
import { randomInt, seededRandom, type Random } from './random';

export const MANIFEST_SEED = 0x6d61_6e69;

export interface Position {
  line: number;
  character: number;
}

/** One character that the edits swap back and forth. */
export interface EditProbe {
  position: Position;
  original: string;
  replacement: string;
}

export type EditProbeName = 'edit' | 'descriptionEdit';

export interface ManifestProbes {
  /** The middle entry's index. */
  entryIndex: number;
  /** The last character of the middle entry's serial: a one-character edit swaps it between two hex digits. */
  edit: EditProbe;
  /** A letter of the middle entry's description: a one-character edit swaps it between two letters. */
  descriptionEdit: EditProbe;
  /** Inside the middle entry's serial value. */
  hover: Position;
  /** At the start of the middle entry's `kind` value. */
  completion: Position;
  /** The middle entry's serial value. */
  valueRange: { start: Position; end: Position };
  /** The group value of the entry after the middle one, a Group without notBefore: a warning with a quick fix. */
  codeActionRange: { start: Position; end: Position };
}

/** `few`: one entry in 67 with a mistake; `dense`: about two in three entries with a finding. */
export type FindingsDensity = 'few' | 'dense';

export interface GeneratedManifest {
  entries: number;
  findings: FindingsDensity;
  text: string;
  probes: ManifestProbes;
}

export interface ManifestOptions {
  entries: number;
  /** Entries refer to certificates 0 … certificateCount-1 of the population. */
  certificateCount?: number;
  seed?: number;
  findings?: FindingsDensity;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function randomDate(next: Random): string {
  // 2019-01-01 … 2025-12-31: never in the future, so the diagnostics do not change with the clock.
  return isoSeconds(
    new Date(Date.UTC(2019, 0, 1) + randomInt(next, 7 * 365) * 86_400_000 + randomInt(next, 86_400) * 1000),
  );
}

/** A serial as people write it: plain when YAML reads it as a string, quoted when it would read a number. */
function serialScalar(hex: string): string {
  return /[a-f]/.test(hex) && !/^[0-9]*e[0-9]+$/.test(hex) ? hex : `"${hex}"`;
}

const MISTAKES = [
  ['kind: DSN', 'dns: svc-1.ns-1.svc'],
  ['kind: serialnumber', 'serialNumber: xyz-not-hex'],
  ['kind: IP', 'ip: 10.0.0.0/8'],
  ['kind: DNS', 'dns: "*.example.com"'],
  ['kind: serialnumber', 'serialnumber: 3f2a9c'],
  ['kind: Group', 'group: team-7', 'notBefore: yesterday'],
  ['kind: serialnumber', 'serialNumber: 1234567890123456789012'],
  ['kind: dns', 'dns: svc-2.ns-2.svc'],
] as const;

/**
 * The certificate entry `e` refers to: a permutation of 0 … certificateCount-1 (7919 is a prime
 * that divides no count used here), so entries name distinct certificates and duplicates stay
 * as rare as in a real manifest.
 */
function certificateOf(entry: number, certificateCount: number, offset: number): number {
  return (offset + entry * 7919) % certificateCount;
}

/** The fields of one ordinary entry, in the order written (description, kind, notBefore, value). */
function ordinaryEntry(next: Random, certificate: number): string[] {
  const roll = next();
  const fields: string[] = [];
  if (next() < 0.2) fields.push(`description: Revoke what certificate ${certificate} stands for`);
  const withNotBefore = next() < 0.9;
  const notBefore = withNotBefore ? [`notBefore: "${randomDate(next)}"`] : [];
  if (roll < 0.7) {
    fields.push(
      'kind: serialnumber',
      ...notBefore,
      `serialNumber: ${serialScalar(certificateFacts(certificate).serialHex)}`,
    );
  } else if (roll < 0.75) {
    const group = randomInt(next, 200) === 0 ? 'system:nodes' : teamOf(certificate);
    fields.push('kind: Group', ...notBefore, `group: ${group}`);
  } else if (roll < 0.875) {
    const dns = next() < 0.9 ? serviceDnsName(certificate) : serviceDnsSuffix(certificate);
    fields.push('kind: DNS', ...notBefore, `dns: ${dns}`);
  } else {
    fields.push('kind: IP', ...notBefore, `ip: ${serviceIp(certificate).text}`);
  }
  return fields;
}

export function generateManifest(options: ManifestOptions): GeneratedManifest {
  const { entries } = options;
  const findings = options.findings ?? 'few';
  const certificateCount = options.certificateCount ?? 10_000;
  const next = seededRandom((options.seed ?? MANIFEST_SEED) ^ entries ^ (findings === 'dense' ? 0xde45e : 0));
  const earlierSerials: string[] = [];
  const offset = randomInt(next, certificateCount);
  const lines = [
    `# Generated by bench/generate/manifests.ts: ${entries} entries${findings === 'dense' ? ', two in three with a finding' : ''}.`,
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    `  name: bench-${entries}`,
    '  namespace: kube-system',
    'spec:',
    `  description: A benchmark manifest with ${entries} entries`,
    '  revocations:',
  ];
  const middle = Math.floor(entries / 2);
  let probes: ManifestProbes | undefined;
  for (let e = 0; e < entries; e++) {
    let fields: readonly string[];
    if (e === middle) {
      let certificate = randomInt(next, certificateCount);
      while (certificateFacts(certificate).serialHex.length < 8) certificate = (certificate + 1) % certificateCount;
      const serial = certificateFacts(certificate).serialHex;
      const scalar = serialScalar(serial);
      fields = [
        'description: The entry the benchmark edits, hovers and completes',
        'kind: serialnumber',
        `notBefore: "${randomDate(next)}"`,
        `serialNumber: ${scalar}`,
      ];
      const descriptionLine = lines.length;
      const descriptionAt = fields[0].indexOf('benchmark') + 4 + '  - '.length;
      const kindLine = lines.length + 1;
      const serialLine = lines.length + 3;
      const valueStart = '    serialNumber: '.length;
      const valueEnd = valueStart + scalar.length;
      const lastDigit = valueEnd - (scalar.startsWith('"') ? 2 : 1);
      const original = scalar[lastDigit - valueStart];
      probes = {
        entryIndex: e,
        edit: {
          position: { line: serialLine, character: lastDigit },
          original,
          replacement: original === 'a' ? 'b' : 'a',
        },
        descriptionEdit: {
          position: { line: descriptionLine, character: descriptionAt },
          original: 'h',
          replacement: 'k',
        },
        hover: { line: serialLine, character: valueStart + 2 },
        completion: { line: kindLine, character: '    kind: '.length },
        valueRange: {
          start: { line: serialLine, character: valueStart },
          end: { line: serialLine, character: valueEnd },
        },
        codeActionRange: {
          start: { line: serialLine, character: valueStart },
          end: { line: serialLine, character: valueEnd },
        },
      };
    } else if (e === middle + 1 && probes) {
      const group = `team-${randomInt(next, 2000)}`;
      fields = ['kind: Group', `group: ${group}`];
      const groupLine = lines.length + 1;
      const valueStart = '    group: '.length;
      probes.codeActionRange = {
        start: { line: groupLine, character: valueStart },
        end: { line: groupLine, character: valueStart + group.length },
      };
    } else if (findings === 'dense') {
      fields = denseEntry(next, certificateOf(e, certificateCount, offset), earlierSerials, MISTAKES);
    } else if (e % 67 === 33) {
      fields = MISTAKES[Math.floor(e / 67) % MISTAKES.length];
    } else {
      fields = ordinaryEntry(next, certificateOf(e, certificateCount, offset));
    }
    fields.forEach((field, i) => lines.push(`${i === 0 ? '  - ' : '    '}${field}`));
  }
  if (!probes) throw new Error('a manifest needs at least one entry');
  return { entries, findings, text: `${lines.join('\n')}\n`, probes };
}

/**
 * The text after `counts[probe]` edits of each probe (odd counts hold the replacement, even the
 * original); the probes sit on different lines, so their edits do not interfere.
 */
export function editedText(manifest: GeneratedManifest, counts: Partial<Record<EditProbeName, number>>): string {
  const lines = manifest.text.split('\n');
  for (const [probe, count] of Object.entries(counts) as [EditProbeName, number][]) {
    const { position, original, replacement } = manifest.probes[probe];
    const line = lines[position.line];
    lines[position.line] =
      line.slice(0, position.character) + (count % 2 ? replacement : original) + line.slice(position.character + 1);
  }
  return lines.join('\n');
}
