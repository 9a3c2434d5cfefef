// `renew-revocation new --revoke PATH...`: a manifest that revokes, by serial number, exactly the
// certificates found under the paths; with `--into MANIFEST`, those entries added to a manifest
// that exists (kept as written: comments, order, formatting). The entries and the edit are the
// service's (features/revocationEdits/); this file reads the paths, picks the manifest, prints,
// and chooses the exit code.
import { writeFileSync } from 'node:fs';
import {
  DEFAULT_MANIFEST_NAME,
  DEFAULT_MANIFEST_NAMESPACE,
  DEFAULT_SETTINGS,
  formatIsoUtc,
  newRevocationManifest,
  parseFile,
  planRevocation,
  plural,
  type RevokePlan,
} from '../../service';
import { missingTargetsError, splitCertsPaths } from '../certsOption';
import { type Command, type CommandArgs, type CommandContext, EXIT } from '../command';
import { ioErrorFor, NothingToCheckError, UsageError } from '../errors';
import { readInventory, reportInventoryNotes } from '../inventory/readInventory';
import { flagOption, stringOption } from '../optionValues';
import { TOOL_NAME } from '../packageInfo';
import { parseNow } from '../parseNow';
import { reportError, reportNote } from '../report';
import { checkStdinOnce, displayPath } from '../standardInput';
import { chooseManifest } from '../revoke/chooseManifest';
import { readManifestText } from './preview';

const HELP = `Usage: ${TOOL_NAME} new --revoke PATH... [options]

Prints a RenewRevocation manifest that revokes, by serial number, exactly the certificates found
in the files and folders given with --revoke (folders recursively: PEM and DER files, bundles,
kubeconfigs, Secrets, \`kubectl get secrets -o yaml|json\` output). Each entry carries the
certificate's canonical serial, a description naming it (CN, issuer, where it was found) and
notBefore. With --into, the entries are added at the end of that manifest's spec.revocations
instead, and everything already written in it (comments, order, formatting) is kept.

Certificates that are not revoked, each with a note: CA certificates (the CA data of a
kubeconfig, ca.crt of a Secret), kubelet serving certificates (AKS hybrid cannot revoke them),
certificates issued at or after --not-before, and, with --into, certificates an entry of the
file already revokes (the note names that entry).

Options:
  --revoke PATH...      certificate files and folders: every path up to the next option or --,
                        repeatable; --revoke=PATH takes one path; at least one
  --name NAME           metadata.name of a new manifest (default: ${DEFAULT_MANIFEST_NAME})
  --namespace NS        metadata.namespace of a new manifest (default: ${DEFAULT_MANIFEST_NAMESPACE})
  --not-before now|ISO  notBefore of every new entry (default: now, UTC, whole seconds); only
                        certificates issued strictly before it are revoked
  --into MANIFEST       add the entries to this manifest and print it whole
  --item N              with --into, when the file holds several manifests (documents or List
                        items): the Nth one, counting from 1 in file order
  --write               with --into, write the result back into MANIFEST instead of printing it
  --debug               print stack traces with errors
  -h, --help            show this help

Exit codes: 0 the manifest revokes every certificate found (new entries, or entries it already
had), 1 some certificates found cannot be revoked this way (kubelet serving certificates, issued
at or after --not-before), 2 usage or I/O errors, or no certificate to revoke at all (the command
never prints a manifest that revokes nothing).
`;

function notBeforeOption(args: CommandArgs): string {
  const text = stringOption(args.values, 'not-before');
  const instant = text === undefined || text === 'now' ? new Date() : parseNow(text, '--not-before');
  return formatIsoUtc(instant);
}

function revokePaths(args: CommandArgs): string[] {
  const split = splitCertsPaths(args, 'revoke');
  if (split.targets.length > 0)
    throw new UsageError(
      `new takes its paths with --revoke; found ${split.targets.map((path) => `'${path}'`).join(', ')} (write --revoke PATH...)`,
    );
  if (split.certs.length === 0) {
    throw missingTargetsError(
      'new needs --revoke PATH...: the certificate files or folders to revoke',
      'new',
      'the certificates',
      split,
      { before: 'new --revoke PATH...', terminated: 'new --revoke PATH... --' },
    );
  }
  checkStdinOnce([{ label: '--revoke', paths: split.certs }]);
  return split.certs;
}

/** What was not revoked, and what was, on stderr; returns the exit code the plan deserves. */
function reportPlan(context: CommandContext, plan: RevokePlan): number {
  for (const already of plan.alreadyRevoked) {
    const summary = already.certificate.certificate;
    reportNote(
      context,
      `serial ${summary.serialNumber} (${summary.subject}) is already revoked by ${already.label}: not added again`,
    );
  }
  let failed = false;
  for (const refused of plan.refused) {
    if (refused.reason === 'ca') reportNote(context, `not revoked: ${refused.message}`);
    else {
      reportError(context, `not revoked: ${refused.message}`);
      failed = true;
    }
  }
  if (plan.added.length > 0) {
    const names = plan.added.map(({ certificate }) => certificate.certificate.subject).join('; ');
    reportNote(context, `+${plan.added.length} revoked by serial number: ${names}`);
  }
  if (plan.added.length + plan.alreadyRevoked.length === 0) {
    reportError(context, 'no certificate to revoke: no manifest printed (it would revoke nothing)');
    return EXIT.usageOrIo;
  }
  return failed ? EXIT.failed : EXIT.ok;
}

async function runNew(args: CommandArgs, context: CommandContext): Promise<number> {
  const { values } = args;
  const notBefore = notBeforeOption(args);
  const paths = revokePaths(args);
  const into = stringOption(values, 'into');
  const write = flagOption(values, 'write');
  if (write && into === undefined) throw new UsageError('--write needs --into MANIFEST: the manifest to write to');
  if (into === undefined && stringOption(values, 'item') !== undefined)
    throw new UsageError('--item needs --into MANIFEST: it picks a manifest of that file');
  if (into !== undefined && (values.name !== undefined || values.namespace !== undefined))
    throw new UsageError('--name and --namespace are for a new manifest; --into keeps the manifest’s own');
  const settings = DEFAULT_SETTINGS;

  const inventory = await readInventory(paths, settings.maxFileSize);
  reportInventoryNotes(context, inventory);
  if (inventory.ioErrors.length > 0) {
    for (const error of inventory.ioErrors) reportError(context, error);
    reportNote(context, 'no manifest printed: a --revoke path could not be read');
    return EXIT.usageOrIo;
  }
  const certificates = inventory.snapshot.certificates;
  if (certificates.length === 0)
    throw new NothingToCheckError('--revoke found no certificate to revoke: no manifest printed', paths[0]);

  const displayOptions = { notBefore, displayPath };
  let plan: RevokePlan;
  if (into === undefined) {
    plan = newRevocationManifest(certificates, {
      ...displayOptions,
      name: stringOption(values, 'name') ?? DEFAULT_MANIFEST_NAME,
      namespace: stringOption(values, 'namespace') ?? DEFAULT_MANIFEST_NAMESPACE,
    });
  } else {
    const file = parseFile(await readManifestText(into, settings.maxFileSize));
    const target = chooseManifest(file, displayPath(into), stringOption(values, 'item'));
    plan = planRevocation(file, target, certificates, displayOptions);
  }
  if (plan.error !== undefined && plan.added.length > 0) {
    reportError(context, `cannot add entries to '${into ?? 'the new manifest'}': ${plan.error}`);
    return EXIT.usageOrIo;
  }
  const code = reportPlan(context, plan);
  if (code === EXIT.usageOrIo) return code;
  if (write && into !== undefined) {
    if (plan.edit === undefined) reportNote(context, `'${displayPath(into)}' is unchanged`);
    else {
      try {
        writeFileSync(into, plan.text);
      } catch (error) {
        reportError(context, ioErrorFor(into, 'write', error));
        return EXIT.usageOrIo;
      }
      reportNote(context, `wrote ${plural(plan.added.length, 'new entry', 'new entries')} into '${displayPath(into)}'`);
    }
  } else context.terminal.stdout.write(plan.text);
  return code;
}

export const newCommand: Command = {
  name: 'new',
  summary: 'print a manifest that revokes certificates by serial number, or add them to one (--into)',
  help: HELP,
  options: {
    revoke: { type: 'string', multiple: true },
    name: { type: 'string' },
    namespace: { type: 'string' },
    'not-before': { type: 'string' },
    into: { type: 'string' },
    item: { type: 'string' },
    write: { type: 'boolean' },
  },
  run: runNew,
};
