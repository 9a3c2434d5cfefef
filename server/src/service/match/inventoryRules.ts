// The diagnostics that need the certificate inventory (the README, "Diagnostics"): `no-match`, `matches-ca` and
// `kubelet-server-cert`, on each entry's anchor. Handed to validation as an extra rule (its
// `extraRules` option) only by a host that has an inventory; silent while the inventory is empty.
import type { CodeMeta, Finding, Rule } from '../rules/ruleTypes';
import { isPlaceholder } from '../rules/placeholderRules';
import { matchFile, type EntryMatch, type MatchResult } from './matcher';
import type { MatchIndex } from './matchIndex';
import { inlineCode } from '../text/inlineCode';
import { plural } from '../text/plural';

/** Up to three subjects of the matches the predicate picks, then how many more. */
function subjects(result: MatchResult, match: EntryMatch, pick: (ordinal: number) => boolean): string {
  const names: string[] = [];
  let total = 0;
  for (const ordinal of match.matches) {
    if (!pick(ordinal)) continue;
    total++;
    if (names.length < 3) names.push(inlineCode(result.index.certificates[ordinal].certificate.subject));
  }
  return total > names.length ? `${names.join(', ')} and ${total - names.length} more` : names.join(', ');
}

function noMatchMessage(result: MatchResult, match: EntryMatch): string {
  const scanned = plural(result.index.certificates.length, 'certificate');
  const kept = match.candidates - match.matches.length;
  if (kept > 0) {
    return (
      `No certificate of the inventory (${scanned}) is revoked by this entry: its value matches ${plural(kept, 'certificate')}, ` +
      'all issued at or after its notBefore. Certificates outside the inventory may still match.'
    );
  }
  return `No certificate of the inventory (${scanned}) matches this entry: check the value. Certificates outside the inventory may still match.`;
}

export function inventoryFindings(result: MatchResult): Finding[] {
  const findings: Finding[] = [];
  if (result.index.certificates.length === 0) return findings;
  const { index } = result;
  for (const match of result.entries) {
    if (!match.target.ok) continue;
    // An untyped `<group>` is placeholder-value's error, not a value that matched nothing.
    if (match.entry.valueField && isPlaceholder(match.entry.valueField)) continue;
    const start = match.entry.anchorStart;
    const end = match.entry.anchorEnd;
    if (match.matches.length === 0) {
      findings.push({ code: 'no-match', start, end, message: noMatchMessage(result, match) });
      continue;
    }
    if (match.ca > 0) {
      findings.push({
        code: 'matches-ca',
        start,
        end,
        message:
          `This entry matches ${plural(match.ca, 'CA certificate')} of the inventory: ${subjects(result, match, (o) => index.certificates[o].certificate.isCA)}. ` +
          'Revoking a CA certificate is rarely intended: check the value, or set notBefore so that it stays out.',
      });
    }
    if (match.notRevocable > 0) {
      findings.push({
        code: 'kubelet-server-cert',
        start,
        end,
        message:
          `This entry matches ${plural(match.notRevocable, 'kubelet serving certificate')}: ${subjects(result, match, (o) => index.kubeletServing[o] === 1)}. ` +
          'AKS hybrid does not support revoking kubelet serving certificates, so they stay valid: rotate them on their nodes instead.',
      });
    }
  }
  return findings;
}

/** What the inventory rule reports, whatever the inventory. */
export const INVENTORY_META: readonly CodeMeta[] = [
  {
    code: 'no-match',
    severity: 'information',
    title: 'The entry matches no certificate of the inventory.',
    docs: [
      'With a certificate inventory (at least one certificate): the entry matches no',
      'known certificate. Check the value, or add the folder holding the certificate to',
      '`renewRevocation.certificatePaths`.',
    ].join('\n'),
  },
  {
    code: 'matches-ca',
    severity: 'warning',
    title: 'The entry matches a CA certificate of the inventory.',
    docs: [
      'With a certificate inventory: the entry matches a CA certificate. Revoking a CA',
      'breaks every certificate it issued.',
    ].join('\n'),
  },
  {
    code: 'kubelet-server-cert',
    severity: 'warning',
    title: 'The entry matches kubelet serving certificates, which cannot be revoked.',
    docs: [
      'With a certificate inventory: the entry matches kubelet serving certificates,',
      'whose revocation AKS hybrid does not support. They are listed as *not revocable* in the',
      'preview.',
    ].join('\n'),
  },
];

/**
 * The inventory rule for one index (one inventory version). Pass it to validation in
 * `extraRules`; a new inventory version means a new rule (and fresh diagnostics).
 */
export function inventoryRule(index: MatchIndex): Rule {
  return {
    name: 'inventory',
    meta: INVENTORY_META,
    create: ({ file }, report) => ({
      file() {
        if (index.certificates.length === 0 || file.manifests.length === 0) return;
        for (const finding of inventoryFindings(matchFile(file, index))) report(finding);
      },
    }),
  };
}
