// `renew-revocation preview MANIFEST --certs PATH...`: what the manifest revokes among the
// certificates under the paths given (SPEC §5, §6), as text, JSON, Markdown or CSV. Exit 0, 1 when
// a `--fail-on` condition holds (so a pipeline can gate on it), 2 for usage or I/O errors (2 wins).
import { createLanguageService } from '../../service/languageService';
import { previewConditions, previewRevocation, type PreviewConditions, type RevocationPreview } from '../../service/match/preview';
import { plural } from '../../service/match/words';
import { DEFAULT_SETTINGS } from '../../service/settings';
import { decodeText } from '../../service/text/decodeText';
import { formatBytes } from '../../service/features/fileTooLarge';
import type { ArgToken, Command, CommandArgs, CommandContext } from '../command';
import { EXIT } from '../command';
import { IoError, UsageError } from '../errors';
import { readInventory, reportInventoryNotes } from '../inventory/readInventory';
import { choiceOption, stringListOption, stringOption } from '../optionValues';
import { TOOL_NAME } from '../packageInfo';
import { parseNow } from '../parseNow';
import { formatPreviewCsv } from '../../service/preview/formatCsv';
import { formatPreviewJson } from '../../service/preview/formatJson';
import { formatPreviewMarkdown } from '../../service/preview/formatMarkdown';
import { buildReport, entryLinesOf } from '../../service/preview/previewReport';
import { formatPreviewText } from '../preview/formatText';
import { readFileLimited } from '../readFileLimited';
import { reportError, reportNote } from '../report';

const FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
const CONDITIONS = ['ca', 'not-revocable', 'any'] as const;
type Condition = (typeof CONDITIONS)[number];

const HELP = `Usage: ${TOOL_NAME} preview [options] MANIFEST --certs PATH...

Shows what a RenewRevocation manifest revokes among the certificates in the files and folders
given with --certs (folders recursively, every file: PEM and DER files, bundles, kubeconfigs,
Secrets and \`kubectl get secrets -A -o yaml\` output): per entry its matches, then the revoked
certificates, the not revocable ones (kubelet serving certificates) and the ones kept.

The preview covers these certificates only: matching certificates elsewhere in the cluster are
revoked as well, and an entry without notBefore also refuses matching certificates issued later.

Options:
  --certs PATH...                 certificate files and folders: every path up to the next option
                                  (repeat --certs for more); at least one
  --format text|json|markdown|csv output format (default: text)
  --now ISO                       the current time for the expiry column, e.g. 2026-01-31T12:00:00Z
  --fail-on ca,not-revocable,any  exit 1 when a CA certificate is revoked (ca), an entry matches a
                                  certificate that cannot be revoked (not-revocable), or anything
                                  is revoked (any); comma-separated or repeated
  --debug                         print stack traces with errors
  -h, --help                      show this help

Exit codes: 0 done (no --fail-on condition holds), 1 a --fail-on condition holds,
2 usage or I/O errors (a path that cannot be read).
`;

/**
 * The manifest and the certificate paths. `--certs` takes every path up to the next option, so
 * `preview m.yaml --certs pki/ secrets.yaml` reads two certificate paths; other positionals are
 * the manifest.
 */
function splitPaths({ values, positionals, tokens }: CommandArgs): { manifests: string[]; certs: string[] } {
  if (!tokens) return { manifests: positionals, certs: stringListOption(values, 'certs') };
  const manifests: string[] = [];
  const certs: string[] = [];
  let afterCerts = false;
  for (const token of tokens as readonly ArgToken[]) {
    if (token.kind === 'option') {
      afterCerts = token.name === 'certs';
      if (afterCerts && token.value !== undefined) certs.push(token.value);
    } else if (token.kind === 'positional') {
      (afterCerts ? certs : manifests).push(token.value);
    } else {
      afterCerts = false;
    }
  }
  return { manifests, certs };
}

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
    messages.push(`--fail-on ca: the manifest revokes ${plural(cas.length, 'CA certificate')} (${cas.map((certificate) => certificate.subject).join('; ')})`);
  }
  if (wanted.has('not-revocable') && holds.notRevocable) {
    messages.push(`--fail-on not-revocable: entries match ${plural(preview.notRevocable.length, 'kubelet serving certificate')}, which AKS hybrid cannot revoke`);
  }
  if (wanted.has('any') && holds.any) {
    messages.push(`--fail-on any: the manifest revokes ${plural(preview.revoked.length, 'certificate')} of the inventory`);
  }
  return messages;
}

async function readManifestText(path: string, maxFileSize: number): Promise<string> {
  const read = await readFileLimited(path, maxFileSize);
  if (read.kind === 'too-large') {
    throw new IoError(`cannot read '${path}': ${formatBytes(read.size)} is more than the ${formatBytes(maxFileSize)} limit`, path);
  }
  return decodeText(read.bytes);
}

async function runPreview(args: CommandArgs, context: CommandContext): Promise<number> {
  const { values } = args;
  const format = choiceOption(values, 'format', FORMATS, 'text');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? new Date() : parseNow(nowText);
  const failOn = failOnConditions(values);
  const { manifests, certs } = splitPaths(args);
  if (manifests.length === 0) throw new UsageError('preview needs the manifest to preview: preview MANIFEST --certs PATH...');
  if (manifests.length > 1) {
    throw new UsageError(`preview takes one manifest; found ${manifests.map((path) => `'${path}'`).join(', ')} (certificate paths go after --certs)`);
  }
  if (certs.length === 0) throw new UsageError('preview needs --certs PATH...: the certificate files or folders to compare the manifest against');
  const settings = DEFAULT_SETTINGS;
  const [manifest] = manifests;

  const service = createLanguageService({ now: () => now });
  const model = service.parse(await readManifestText(manifest, settings.maxFileSize), 'yaml');
  if (model.manifests.length === 0) {
    reportError(context, `'${manifest}' holds no RenewRevocation manifest (a YAML document with kind: RenewRevocation)`);
    return EXIT.usageOrIo;
  }
  const errors = service.doValidation(model, settings).filter((diagnostic) => diagnostic.severity === 'error').length;
  if (errors > 0) {
    reportNote(
      context,
      `'${manifest}' has ${plural(errors, 'error')} (${TOOL_NAME} lint shows them): an entry with an error may match nothing here, and the cluster may refuse the manifest`,
    );
  }

  const inventory = await readInventory(certs, settings.maxFileSize);
  const preview = previewRevocation(model, inventory.snapshot);
  const report = buildReport(manifest, entryLinesOf(model, preview), preview, now, settings.expiryWarningDays);
  const { stdout, stdoutColour } = context.terminal;
  if (format === 'json') stdout.write(formatPreviewJson(preview));
  else if (format === 'markdown') stdout.write(formatPreviewMarkdown(report));
  else if (format === 'csv') stdout.write(formatPreviewCsv(report));
  else stdout.write(formatPreviewText(report, stdoutColour));

  reportInventoryNotes(context, inventory);
  for (const error of inventory.ioErrors) reportError(context, error);
  const failures = failureMessages(preview, failOn);
  for (const message of failures) reportError(context, message);
  if (inventory.ioErrors.length > 0) return EXIT.usageOrIo;
  return failures.length > 0 ? EXIT.failed : EXIT.ok;
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
  },
  run: runPreview,
};
