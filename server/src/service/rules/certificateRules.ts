// Certificates in certificate files (the `pem` language) and in any YAML (PEM in block scalars,
// base64 data in kubeconfigs and Secrets): expired, expiring within
// `renewRevocation.expiryWarningDays`, not yet valid, and blocks that do not decode. Each finding
// sits on the block's BEGIN line (or the YAML value's first line), not on the whole body.
import { withClock } from '../x509/decodeBlocks';
import { describeDays } from '../x509/expiry';
import type { FoundBlock } from '../x509/findCertificates';
import { certificatesOf } from '../x509/modelCertificates';
import type { Report, Rule, RuleContext } from './ruleTypes';

/** Languages whose files get certificate diagnostics; Markdown and plain text get hovers only. */
const CHECKED_LANGUAGES: ReadonlySet<string> = new Set(['pem', 'yaml']);

function what(block: FoundBlock): string {
  if (block.origin !== 'yaml-data') return `this ${block.label === 'DER' ? 'DER' : block.label} block`;
  const part = block.part && block.part.count > 1 ? ` (block ${block.part.index + 1} of ${block.part.count})` : '';
  return `\`${block.yamlKey}\`${part}`;
}

function nameOf(commonName: string | undefined, subject: string): string {
  return `\`${commonName ?? (subject || 'with an empty subject')}\``;
}

export const certificateRule: Rule = {
  name: 'certificate',
  meta: [
    {
      code: 'certificate-expired',
      severity: 'warning',
      title: 'The certificate has expired.',
      docs: 'In a certificate file or certificate data in YAML: the certificate has expired.',
    },
    {
      code: 'certificate-expiring',
      severity: 'information',
      title: 'The certificate expires soon.',
      docs: ['The certificate expires within `renewRevocation.expiryWarningDays` days', '(default 30).'].join('\n'),
    },
    {
      code: 'certificate-not-yet-valid',
      severity: 'warning',
      title: 'The certificate is not valid yet.',
      docs: "The certificate's notBefore is in the future.",
    },
    {
      code: 'pem-invalid',
      severity: 'error',
      title: 'A PEM block or certificate data that does not decode.',
      docs: [
        'A PEM block or base64 certificate data that does not decode; the message says why',
        '(bad base64, truncated DER, a length that runs past the end…).',
      ].join('\n'),
    },
  ],
  create: (context, report) => ({ file: () => checkCertificates(context, report) }),
};

function checkCertificates({ file, now, settings }: RuleContext, report: Report): void {
  if (!CHECKED_LANGUAGES.has(file.languageId)) return;
  const clock = { now, expiryWarningDays: settings.expiryWarningDays };
  for (const located of certificatesOf(file)) {
    const { block } = located;
    const start = block.start;
    const end = Math.max(block.selectionEnd, start + 1);
    const decoded = withClock(located.decoded, clock);
    if (!decoded.ok) {
      if (decoded.failure.kind === 'unknown') continue; // a label we do not read is not an error
      report({
        code: 'pem-invalid',
        start,
        end,
        message: `${capitalise(what(block))} does not decode: ${decoded.failure.error}.`,
      });
      continue;
    }
    const record = decoded.record;
    if (record.kind !== 'certificate') continue;
    const name = nameOf(record.commonName, record.subject);
    const where = block.origin === 'yaml-data' ? ` in ${what(block)}` : '';
    if (record.expiry === 'expired') {
      report({
        code: 'certificate-expired',
        start,
        end,
        message: `Certificate ${name}${where} expired ${describeDays(record.daysToExpiry)} (notAfter ${record.notAfter}): renew or replace it.`,
      });
    } else if (record.expiry === 'expiring') {
      report({
        code: 'certificate-expiring',
        start,
        end,
        message: `Certificate ${name}${where} expires ${describeDays(record.daysToExpiry)} (notAfter ${record.notAfter}): plan its renewal.`,
      });
    } else if (record.expiry === 'not-yet-valid') {
      report({
        code: 'certificate-not-yet-valid',
        start,
        end,
        message: `Certificate ${name}${where} is not valid until ${record.notBefore}: clients will reject it before then (check the issuer's clock).`,
      });
    }
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
