// DNS names and suffixes as a `kind: DNS` entry holds them: `kubernetes.default.svc.` (a name,
// one trailing dot allowed) or `.cluster.local` (a suffix: every name that ends with it).
import { parseIp } from './ip';

export const MAX_DNS_NAME_LENGTH = 253;
export const MAX_DNS_LABEL_LENGTH = 63;

export type DnsProblem =
  | 'empty'
  | 'wildcard'
  | 'url'
  | 'ip'
  | 'port'
  | 'empty-label'
  | 'bad-char'
  | 'hyphen'
  | 'label-too-long'
  | 'name-too-long';

export type DnsCheck =
  | { ok: true; isSuffix: boolean; normalized: string }
  | {
      ok: false;
      problem: DnsProblem;
      reason: string;
      /** What the user most likely meant (`.x` for `*.x`, the host of a URL), when there is one. */
      suggestion?: string;
    };

/** Removes one trailing dot and lowers the case: the form DNS values and SAN names are compared in. */
export function normalizeDnsName(text: string): string {
  return (text.endsWith('.') ? text.slice(0, -1) : text).toLowerCase();
}

/** A value that starts with `.` is a suffix: it matches every name that ends with it. */
export function isDnsSuffix(text: string): boolean {
  return text.startsWith('.');
}

/** The labels of a name or suffix (`.cluster.local` → 2), not counting the empty root label. */
export function dnsLabelCount(text: string): number {
  const body = normalizeDnsName(text).replace(/^\./, '');
  return body === '' ? 0 : body.split('.').length;
}

// Letters, digits and hyphens (RFC 1123), plus `_`: service names such as `_etcd-server._tcp`
// do appear in SANs, and RFC 2181 puts no limit on label characters.
const LABEL_CHAR = /^[A-Za-z0-9_-]$/;

// The common valid shape, checked in one pass before any explanation is looked for: optional
// leading dot, labels of 1–63 characters that neither start nor end with `-`, one trailing dot.
const PLAIN_NAME =
  /^\.?(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\.?$/;

/** Checks a DNS name or suffix as written in a manifest, with a reason a person can act on. Never throws. */
export function checkDnsName(text: string): DnsCheck {
  // Digits and dots alone may be an IPv4 address: those take the long way.
  if (text.length <= MAX_DNS_NAME_LENGTH + 2 && PLAIN_NAME.test(text) && !/^[\d.]+$/.test(text)) {
    const body = normalizeDnsName(isDnsSuffix(text) ? text.slice(1) : text);
    if (body.length <= MAX_DNS_NAME_LENGTH)
      return { ok: true, isSuffix: isDnsSuffix(text), normalized: normalizeDnsName(text) };
  }
  // Not trimmed: a name with a space around it never equals a certificate's name.
  const value = text;
  if (value.trim() === '') return { ok: false, problem: 'empty', reason: 'the DNS name is empty' };
  if (value.startsWith('*.') && checkDnsName(value.slice(1)).ok) {
    const suggestion = value.slice(1);
    return {
      ok: false,
      problem: 'wildcard',
      reason: `wildcards are not supported; to revoke every name under \`${suggestion.slice(1)}\`, write the suffix \`${suggestion}\``,
      suggestion,
    };
  }
  const url = hostOfUrl(value);
  if (url !== undefined && parseIp(url).ok) {
    return { ok: false, problem: 'ip', reason: `this is a URL of an IP address; use \`kind: IP\` with \`ip: ${url}\`` };
  }
  if (url !== undefined) {
    return {
      ok: false,
      problem: 'url',
      reason: url ? `this is a URL; write only its host name \`${url}\`` : 'this is a URL, not a DNS name',
      suggestion: url || undefined,
    };
  }
  if (parseIp(value).ok || parseIp(value.replace(/^\[|\]$/g, '')).ok) {
    return { ok: false, problem: 'ip', reason: 'this is an IP address; use `kind: IP` with `ip:` for it' };
  }
  const port = /^([^:]+):(\d+)$/.exec(value);
  if (port && checkDnsName(port[1]).ok) {
    return {
      ok: false,
      problem: 'port',
      reason: `a port is not part of a DNS name; write \`${port[1]}\``,
      suggestion: port[1],
    };
  }
  const isSuffix = isDnsSuffix(value);
  const body = normalizeDnsName(isSuffix ? value.slice(1) : value);
  if (body === '')
    return {
      ok: false,
      problem: 'empty-label',
      reason: 'a suffix needs at least one label after the dot (`.` alone would match every name)',
    };
  if (body.length > MAX_DNS_NAME_LENGTH) {
    return {
      ok: false,
      problem: 'name-too-long',
      reason: `it is ${body.length} characters long; a DNS name has at most ${MAX_DNS_NAME_LENGTH}`,
    };
  }
  for (const label of body.split('.')) {
    if (label === '')
      return {
        ok: false,
        problem: 'empty-label',
        reason: 'it has an empty label (two dots in a row, or a dot at the start of a name)',
      };
    const bad = [...label].find((char) => !LABEL_CHAR.test(char));
    if (bad !== undefined) {
      const shown = bad.trim() === '' ? 'a space' : `\`${bad}\``;
      return {
        ok: false,
        problem: 'bad-char',
        reason: `${shown} is not allowed in a DNS name (letters, digits, \`-\` and \`_\` only)`,
      };
    }
    if (label.length > MAX_DNS_LABEL_LENGTH) {
      return {
        ok: false,
        problem: 'label-too-long',
        reason: `the label \`${label.slice(0, 20)}…\` is ${label.length} characters long; a label has at most ${MAX_DNS_LABEL_LENGTH}`,
      };
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      return {
        ok: false,
        problem: 'hyphen',
        reason: `the label \`${label}\` starts or ends with \`-\`, which DNS names do not allow`,
      };
    }
  }
  return { ok: true, isSuffix, normalized: normalizeDnsName(value) };
}

/** The host of `scheme://…` text ('' when it has none), or undefined when the text is not a URL. */
function hostOfUrl(value: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(value)) return undefined;
  try {
    return new URL(value).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}
