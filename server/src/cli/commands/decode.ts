// `renew-revocation decode`: every certificate, CSR and key in the files and folders given
// (folders recursively, every file; PEM, bundles, binary DER, kubeconfigs, Secrets), as text for
// people or JSON. Keys show their type and size or curve only. Exit 0, 1 when a block does not
// decode, 2 for usage or I/O errors or when nothing was found (2 wins).
import { DEFAULT_SETTINGS } from '../../service';
import { type Command, type CommandArgs, type CommandContext, EXIT } from '../command';
import { decodePaths, hasFailures, nothingFound } from '../decode/decodeFiles';
import { formatDecodeJson } from '../decode/formatJson';
import { formatDecodeText } from '../decode/formatText';
import { NothingToCheckError, UsageError } from '../errors';
import { choiceOption, stringOption } from '../optionValues';
import { TOOL_NAME } from '../packageInfo';
import { parseNow } from '../parseNow';
import { reportError, reportNote } from '../report';
import { checkStdinOnce, displayPath } from '../standardInput';

const FORMATS = ['text', 'json'] as const;

const HELP = `Usage: ${TOOL_NAME} decode [options] PATH...

Decodes every certificate, certificate request and key found in the files and folders given
(folders recursively, every file; - is standard input): PEM files and bundles, binary DER, PEM
inside YAML, and base64 certificate data in kubeconfigs (certificate-authority-data,
client-certificate-data) and Secrets (tls.crt, ca.crt), in YAML or JSON (kubectl -o yaml|json,
several objects back to back too). Private keys are never shown: only their type and size or
curve.

Options:
  --format text|json  output format (default: text)
  --now ISO           the current time for the expiry state, e.g. 2026-01-31T12:00:00Z
  --debug             print stack traces with errors
  -h, --help          show this help

JSON: an array of records with kind (certificate, csr or key), source (the path, <stdin> for -)
and index (the place in the file); a block that does not decode has an error instead of its
fields; a path that cannot be read is a record of kind unreadable with its error.

Exit codes: 0 everything decoded, 1 a block does not decode, 2 usage or I/O errors (a path that
cannot be read, nothing found to decode).
`;

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

async function runDecode({ values, positionals }: CommandArgs, context: CommandContext): Promise<number> {
  const format = choiceOption(values, 'format', FORMATS, 'text');
  const nowText = stringOption(values, 'now');
  const now = nowText === undefined ? new Date() : parseNow(nowText);
  if (positionals.length === 0) throw new UsageError('decode needs at least one file or folder');
  checkStdinOnce([{ label: 'a path to decode', paths: positionals }]);
  const settings = DEFAULT_SETTINGS;
  const run = await decodePaths(
    positionals,
    { now, expiryWarningDays: settings.expiryWarningDays },
    settings.maxFileSize,
  );
  if (nothingFound(run)) {
    run.problems.push(
      new NothingToCheckError(
        'no certificate, certificate request or key was found in the files given',
        displayPath(positionals[0]),
      ),
    );
  }
  const { stdout, stdoutColour } = context.terminal;
  stdout.write(format === 'json' ? formatDecodeJson(run) : formatDecodeText(run, stdoutColour));

  for (const folder of run.emptyFolders) reportNote(context, `no file found in '${folder}'`);
  for (const file of run.tooLarge) {
    reportNote(
      context,
      `'${file.path}' was not read: ${size(file.size)} is more than the ${size(settings.maxFileSize)} limit`,
    );
  }
  for (const problem of run.problems) reportError(context, problem);
  if (run.problems.length > 0) return EXIT.usageOrIo;
  return hasFailures(run) ? EXIT.failed : EXIT.ok;
}

export const decodeCommand: Command = {
  name: 'decode',
  summary: 'decode certificates, CSRs and keys in files and folders (text or JSON)',
  help: HELP,
  options: {
    format: { type: 'string' },
    now: { type: 'string' },
  },
  run: runDecode,
};
