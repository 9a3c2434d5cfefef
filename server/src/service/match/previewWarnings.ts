// The warnings a preview gives on an entry, as a small closed set of codes with their text. The
// code is what a reader acts on (the webview shows the no-notBefore note from it, the report
// formats count refused future certificates by it); the message is what people read, worded as
// the CLI prints it. Codes that name the same concern as a diagnostic reuse its name.
// No imports beyond text/: the VS Code client bundles this through the preview's formatters.
import { plural } from '../text/plural';

export const FUTURE_CERTIFICATES_REFUSED = 'future matching certificates will be refused too';
/** The words of the preview's `missing-not-before` warning. */
const FUTURE_CERTIFICATES_WARNING = `no notBefore: ${FUTURE_CERTIFICATES_REFUSED}`;

export const PREVIEW_WARNING_CODES = [
  /** The entry cannot match anything (an invalid value, kind or notBefore); the message says why. */
  'matches-nothing',
  /** A Group, DNS or IP entry without notBefore: certificates issued later are refused too. */
  'missing-not-before',
  /** The entry matches CA certificates. */
  'matches-ca',
  /** The entry matches kubelet serving certificates, which AKS hybrid cannot revoke. */
  'kubelet-server-cert',
] as const;

export type PreviewWarningCode = (typeof PREVIEW_WARNING_CODES)[number];

export interface PreviewWarning {
  code: PreviewWarningCode;
  message: string;
}

export function matchesNothingWarning(reason: string): PreviewWarning {
  return { code: 'matches-nothing', message: `matches nothing: ${reason}` };
}

export const MISSING_NOT_BEFORE_WARNING: PreviewWarning = {
  code: 'missing-not-before',
  message: FUTURE_CERTIFICATES_WARNING,
};

export function matchesCaWarning(count: number): PreviewWarning {
  return {
    code: 'matches-ca',
    message: `matches ${plural(count, 'CA certificate')}: revoking a CA is rarely intended; check the value`,
  };
}

export function kubeletServerCertWarning(count: number): PreviewWarning {
  return {
    code: 'kubelet-server-cert',
    message: `matches ${plural(count, 'kubelet serving certificate')}, which AKS hybrid cannot revoke (listed as not revocable)`,
  };
}
