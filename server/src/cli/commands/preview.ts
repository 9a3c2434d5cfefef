// `renew-revocation preview MANIFEST --certs PATH...`: what the manifest revokes among the
// certificates under the paths given, as text, JSON, Markdown or CSV. Exit 0, 1 when a `--fail-on`
// condition holds (so a pipeline can gate on it), 2 for usage or I/O errors and for a `--fail-on`
// gate with no certificate to judge (2 wins); then only JSON prints the report, with the failures.
import {
  buildReport,
  createLanguageService,
  decodeText,
  DEFAULT_SETTINGS,
  entryLinesOf,
  formatBytes,
  formatPreviewCsv,
  formatPreviewJson,
  formatPreviewMarkdown,
  plural,
  previewConditions,
  type PreviewConditions,
  previewRevocation,
  type RevocationPreview,
} from '../../service';
import { manifestInCertsError, missingTargetsError, splitCertsPaths } from '../certsOption';
import { type Command, type CommandArgs, type CommandContext, EXIT } from '../command';
import { IoError, UsageError } from '../errors';
import { readInventory, reportInventoryNotes, type InventoryRun } from '../inventory/readInventory';
import { choiceOption, flagOption, stringListOption, stringOption } from '../optionValues';
import { TOOL_NAME } from '../packageInfo';
import { parseNow } from '../parseNow';
import { formatPreviewText } from '../preview/formatText';
import { readFileLimited } from '../readFileLimited';
import { reportError, reportNote } from '../report';
import { checkStdinOnce, displayPath, isStdinArgument, readStandardInput } from '../standardInput';

const FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
const CONDITIONS = ['ca', 'not-revocable', 'any'] as const;
type Condition = (typeof CONDITIONS)[number];

const HELP = `Usage: ${TOOL_NAME} preview [options] MANIFEST --certs PATH...

Shows what a RenewRevocation manifest revokes among the certificates in the files and folders
given with --certs (folders recursively, every file: PEM and DER files, bundles, kubeconfigs,
Secrets and \`kubectl get secrets -A -o yaml|json\` output): per entry its matches, then the
revoked certificates, the not revocable ones (kubelet serving certificates) and the ones kept.

The preview covers these certificates only: matching certificates elsewhere in the cluster are
revoked as well, and an entry without notBefore also refuses matching certificates issued later.

Options:
  --certs PATH...                 certificate files and folders (- is standard input): every path
                                  up to the next option or --, repeatable; --certs=PATH takes one
                                  path; at least one
  --format text|json|markdown|csv output format (default: text)
  --now ISO                       the current time for the expiry column, e.g. 2026-01-31T12:00:00Z
  --fail-on ca,not-revocable,any  exit 1 when a CA certificate is revoked (ca), an entry matches a
                                  certificate that cannot be revoked (not-revocable), or anything
                                  is revoked (any); comma-separated or repeated. With no
                                  certificate read, exit 2: the gate cannot pass on nothing
  --allow-empty-inventory         with --fail-on, accept an inventory without any certificate
  --debug                         print stack traces with errors
  -h, --help                      show this help

MANIFEST may be - (standard input), as may one --certs path: standard input is read once.
When an input cannot be read, nothing is printed but the errors (JSON: the report with the
failures in problems), and the exit code is 2.

Exit codes: 0 done (no --fail-on condition holds), 1 a --fail-on condition holds,
2 usage or I/O errors (a path that cannot be read, an empty inventory with --fail-on).
`;

function failOnConditions(values: CommandArgs['values']): Set<Condition> {
  const conditions = new Set<Condition>();
  for (const value of stringListOption(values, 'fail-on')) {
    for (const word of value.split(',').map((part) => part.trim())) {
      if (!(CONDITIONS as readonly string[]).includes(word)) {
        throw new UsageError(`--fail-on takes ${CONDITIONS.join(', ')} (comma-separated); found '${word}'`);
      }
      conditions.add(word as Condition);
    }
  }
  return conditions;
}

/** What each condition that holds means, in words for the error line. */
function failureMessages(preview: RevocationPreview, wanted: ReadonlySet<Condition>): string[] {
  const holds: PreviewConditions = previewConditions(preview);
  const messages: string[] = [];
  if (wanted.has('ca') && holds.ca) {
    const cas = preview.revoked.filter((certificate) => certificate.isCA);
    messages.push(
      `--fail-on ca: the manifest revokes ${plural(cas.length, 'CA certificate')} (${cas.map((certificate) => certificate.subject).join('; ')})`,
    );
  }
  if (wanted.has('not-revocable') && holds.notRevocable) {
    messages.push(
      `--fail-on not-revocable: entries match ${plural(preview.notRevocable.length, 'kubelet serving certificate')}, which AKS hybrid cannot revoke`,
    );
  }
  if (wanted.has('any') && holds.any) {
    messages.push(
      `--fail-on any: the manifest revokes ${plural(preview.revoked.length, 'certificate')} of the inventory`,
    );
  }
  return messages;
}

export async function readManifestText(path: string, maxFileSize: number): Promise<string> {
  if (isStdinArgument(path)) return decodeText(await readStandardInput(maxFileSize));
  const read = await readFileLimited(path, maxFileSize);
  if (read.kind === 'too-large') {
    throw new IoError(
      `cannot read '${path}': ${formatBytes(read.size)} is more than the ${formatBytes(maxFileSize)} limit`,
      path,
    );
  }
  return decodeText(read.bytes);
}

/** The manifest path and the certificate paths, or the usage error that says what went wrong. */
function manifestAndCerts(args: CommandArgs): { manifest: string; certs: string[] } {
  const split = splitCertsPaths(args);
  const { targets: manifests, certs } = split;
  if (manifests.length === 0) {
    throw missingTargetsError(
      'preview needs the manifest to preview: preview MANIFEST --certs PATH...',
      'preview',
      'the manifest',
      split,
      {
        before: 'preview MANIFEST --certs PATH...',
        terminated: 'preview --certs PATH... -- MANIFEST',
      },
    );
  }
  if (manifests.length > 1) {
    throw new UsageError(
      `preview takes one manifest; found ${manifests.map((path) => `'${path}'`).join(', ')} (certificate paths go after --certs)`,
    );
  }
  if (certs.length === 0)
    throw new UsageError(
      'preview needs --certs PATH...: the certificate files or folders to compare the manifest against',
    );
  checkStdinOnce([
    { label: 'the manifest', paths: manifests },
    { label: '--certs', paths: certs },
  ]);
  return { manifest: manifests[0], certs };
}

/** Why the preview is not an answer (exit 2), or nothing when it is one. */
function previewFailures(
  inventory: InventoryRun,
  failOn: ReadonlySet<Condition>,
  allowEmpty: boolean,
): Array<IoError | string> {
  const reasons: Array<IoError | string> = [...inventory.ioErrors];
  if (
    failOn.size > 0 &&
    !allowEmpty &&
    inventory.snapshot.certificates.length === 0 &&
    inventory.ioErrors.length === 0
  ) {
    reasons.push(
      `--fail-on ${[...failOn].join(',')} cannot pass on an empty inventory: no certificate was read from the --certs paths; --allow-empty-inventory accepts that`,
    );
  }
  return reasons;
}

async function runPreview(args: CommandArgs, context: CommandContext): Promise<number> {
  const { values } = args;
  const format = choiceOption(values, 'format', FORMATS, 'text');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? new Date() : parseNow(nowText);
  const failOn = failOnConditions(values);
  const { manifest: manifestPath, certs } = manifestAndCerts(args);
  const settings = DEFAULT_SETTINGS;
  const manifest = displayPath(manifestPath);

  const service = createLanguageService({ now: () => now });
  const model = service.parse(await readManifestText(manifestPath, settings.maxFileSize), 'yaml');
  if (model.manifests.length === 0) {
    reportError(
      context,
      `'${manifest}' holds no RenewRevocation manifest (a YAML document with kind: RenewRevocation)`,
    );
    return EXIT.usageOrIo;
  }
  const inventory = await readInventory(certs, settings.maxFileSize);
  if (inventory.manifests.length > 0) throw manifestInCertsError(inventory.manifests);
  const errors = service.doValidation(model, settings).filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) {
    reportNote(
      context,
      `'${manifest}' has ${plural(errors, 'error')} (${TOOL_NAME} lint shows them): an entry with an error may match nothing here, and the cluster may refuse the manifest`,
    );
  }

  const preview = previewRevocation(model, inventory.snapshot);
  const failures = previewFailures(inventory, failOn, flagOption(values, 'allow-empty-inventory'));
  const { stdout, stdoutColour } = context.terminal;
  if (format === 'json') {
    // The report with its failures in `problems`: a script that reads only the JSON still sees them.
    for (const error of inventory.ioErrors)
      preview.problems.push({ path: error.path, code: 'unreadable', message: error.message });
    if (inventory.ioErrors.length > 0)
      preview.notes.push(
        `${plural(inventory.ioErrors.length, 'path')} given with --certs could not be read: this preview is incomplete (see problems).`,
      );
    stdout.write(formatPreviewJson(preview));
  } else if (failures.length === 0) {
    const report = buildReport(manifest, entryLinesOf(model, preview), preview, now, settings.expiryWarningDays);
    if (format === 'markdown') stdout.write(formatPreviewMarkdown(report));
    else if (format === 'csv') stdout.write(formatPreviewCsv(report));
    else stdout.write(formatPreviewText(report, stdoutColour));
  }

  reportInventoryNotes(context, inventory);
  for (const failure of failures) reportError(context, failure);
  if (failures.length > 0) {
    if (format !== 'json') reportNote(context, 'no preview printed: it would not be a complete answer');
    return EXIT.usageOrIo;
  }
  const conditions = failureMessages(preview, failOn);
  for (const message of conditions) reportError(context, message);
  return conditions.length > 0 ? EXIT.failed : EXIT.ok;
}

export const previewCommand: Command = {
  name: 'preview',
  summary: 'show what a manifest revokes among certificate files (text, JSON, Markdown or CSV)',
  help: HELP,
  options: {
    certs: { type: 'string', multiple: true },
    format: { type: 'string' },
    now: { type: 'string' },
    'fail-on': { type: 'string', multiple: true },
    'allow-empty-inventory': { type: 'boolean' },
  },
  run: runPreview,
};
