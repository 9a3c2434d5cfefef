// How much an entry revokes. A Group, DNS or IP entry without `notBefore` revokes every matching
// certificate, present and future (missing-not-before); some values cover a whole class of
// identities: the node, admin and service-account groups, one-label DNS suffixes (broad-revocation).
import type { EntryModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import { dnsLabelCount } from '../values/dns';
import { parsedValue } from './parsedValues';
import { formatIsoUtc } from '../values/time';
import { addFieldEdit } from './entryEdits';
import type { Fix, Report, Rule } from './ruleTypes';
import { suppressEntryFix } from './suppressionFix';
import { fieldText, shown } from './valueFields';

/** Groups that every node, admin or workload identity of a cluster belongs to, and what revoking them means. */
export const BROAD_GROUPS: Readonly<Record<string, string>> = {
  'system:nodes': 'every kubelet client certificate: no node can authenticate to the API server any more',
  'system:masters':
    'every certificate with unrestricted cluster-admin rights, the admin kubeconfigs and control-plane clients among them',
  'kubeadm:cluster-admins': 'the cluster-admin certificates kubeadm issues for admin kubeconfigs',
  'system:authenticated': 'every certificate that names the group all authenticated users share',
  'system:serviceaccounts': 'every certificate that names the group all service accounts share',
};

export const breadthRule: Rule = {
  name: 'breadth',
  meta: [
    {
      code: 'missing-not-before',
      severity: 'warning',
      title: 'A Group, DNS or IP entry without `notBefore` revokes future certificates too.',
      docs: [
        'A Group, DNS or IP entry without `notBefore` revokes every existing **and future**',
        'matching certificate: the cluster refuses the certificates it issues next, and it cannot be',
        'repaired with `Repair-AksHciClusterCerts` (now `Update-AksHciClusterCertificates`). The',
        'preferred quick fix adds `notBefore: "<now, UTC>"` to the entry.',
      ].join('\n'),
    },
    {
      code: 'broad-revocation',
      severity: 'warning',
      title: 'An entry that revokes a whole class of identities.',
      docs: [
        'The entry revokes a whole class of identities: the groups `system:nodes`,',
        '`system:masters`, `kubeadm:cluster-admins`, `system:authenticated`, `system:serviceaccounts`,',
        'or a DNS suffix of one label (`.local`, `.com`). It fires even with `notBefore`. Revoke by',
        'serial number instead, or use a longer suffix. Where the entry is meant, the quick fix *Suppress',
        'broad-revocation for this entry* writes the suppression comment above it.',
      ].join('\n'),
    },
  ],
  // The quick fix writes the clock's "now"; what is reported does not depend on it.
  clock: 'fixes',
  create({ file, now }, report) {
    const nowText = formatIsoUtc(now);
    return {
      entry(entry) {
        if (!entry.kind) return;
        if (entry.kind !== 'serialnumber' && !entry.notBefore) reportMissingNotBefore(file, entry, nowText, report);
        checkBroad(file, entry, report);
      },
    };
  },
};

/** What an entry revokes, for messages: "certificates in group `system:nodes`". */
function whatItRevokes(entry: EntryModel): string {
  const value = entry.valueField ? fieldText(entry.valueField) : undefined;
  if (value === undefined || value.trim() === '') return 'matching certificates';
  if (entry.kind === 'Group') return `certificates in group ${shown(value)}`;
  if (entry.kind === 'IP') return `certificates for IP address ${shown(value)}`;
  return value.startsWith('.')
    ? `certificates for DNS names ending in ${shown(value)}`
    : `certificates for DNS name ${shown(value)}`;
}

function reportMissingNotBefore(file: FileModel, entry: EntryModel, nowText: string, report: Report): void {
  const edit = addFieldEdit(file, entry, 'notBefore', `"${nowText}"`);
  report({
    code: 'missing-not-before',
    start: entry.anchorStart,
    end: entry.anchorEnd,
    message:
      `This ${entry.kind} entry has no \`notBefore\`: it revokes all existing and future ${whatItRevokes(entry)}, so renewed certificates are refused too, ` +
      'and the cluster cannot be repaired with `Repair-AksHciClusterCerts` (now `Update-AksHciClusterCertificates`). ' +
      'Add `notBefore` to revoke only certificates issued before that instant',
    fixes: edit ? [{ title: `Add notBefore: "${nowText}" (now)`, edits: [edit], isPreferred: true }] : [],
  });
}

function suppressFixes(file: FileModel, entry: EntryModel): Fix[] {
  const fix = suppressEntryFix(file, entry, 'broad-revocation', entry.anchorStart);
  return fix ? [fix] : [];
}

function checkBroad(file: FileModel, entry: EntryModel, report: Report): void {
  const parsed = entry.valueField ? parsedValue(entry.valueField) : undefined;
  if (parsed === undefined) return;
  const value = parsed.text;
  if (parsed.field === 'group' && entry.kind === 'Group' && Object.prototype.hasOwnProperty.call(BROAD_GROUPS, value)) {
    report({
      code: 'broad-revocation',
      start: entry.anchorStart,
      end: entry.anchorEnd,
      message: `Revoking group \`${value}\` revokes ${BROAD_GROUPS[value]}. Revoke the certificates you mean by serial number instead, or make sure this is intended`,
      fixes: suppressFixes(file, entry),
    });
    return;
  }
  if (parsed.field === 'dns' && entry.kind === 'DNS') {
    const check = parsed.dns;
    if (check.ok && check.isSuffix && dnsLabelCount(value) === 1) {
      report({
        code: 'broad-revocation',
        start: entry.anchorStart,
        end: entry.anchorEnd,
        message: `The suffix \`${check.normalized}\` has a single label: it revokes every certificate with a DNS name ending in \`${check.normalized}\`, which can be most of the cluster's serving certificates. Use a longer suffix or a full name`,
        fixes: suppressFixes(file, entry),
      });
    }
  }
}
