// Hover sections about an entry's values, without the inventory: when a `notBefore` is (in UTC
// and in the local time of the machine, and how long ago or ahead), and what an entry's kind and
// value revoke in words. The inventory's matches follow in their own section.
import { checkDnsName } from '../values/dns';
import { parseIp } from '../values/ip';
import { formatIsoUtc, parseRfc3339 } from '../values/time';
import { describeDays } from '../x509/expiry';
import type { HoverContext, HoverTarget } from './hoverSection';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant in the machine's own zone, e.g. `2020-04-17 19:22:05 GMT+2`. */
function localTime(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  const offsetMinutes = -date.getTimezoneOffset();
  const sign = offsetMinutes >= 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(offsetMinutes) / 60);
  const minutes = Math.abs(offsetMinutes) % 60;
  const zone = offsetMinutes === 0 ? 'UTC' : `UTC${sign}${pad(hours)}:${pad(minutes)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} (${zone})`;
}

function howFar(epochMs: number, now: Date): string {
  const days = Math.trunc((epochMs - now.getTime()) / DAY_MS);
  if (days !== 0) return describeDays(days);
  return epochMs >= now.getTime() ? 'later today' : 'earlier today';
}

export function notBeforeFacts(target: HoverTarget, context: HoverContext): string | undefined {
  if (target.part !== 'value' || target.scope !== 'entry' || target.key !== 'notBefore' || !target.field)
    return undefined;
  const text = typeof target.field.value === 'string' ? target.field.value : undefined;
  if (text === undefined)
    return '**notBefore**\n\nNot a date-time: write an RFC 3339 instant with a zone, for example `"2020-04-17T17:22:05Z"`.';
  const parsed = parseRfc3339(text);
  if (!parsed.ok) return `**notBefore**\n\nNot an RFC 3339 date-time with a zone: ${parsed.reason}.`;
  const future = parsed.epochMs > context.now.getTime();
  return [
    '**notBefore**',
    '',
    `- UTC: \`${formatIsoUtc(parsed.epochMs)}\``,
    `- local: ${localTime(parsed.epochMs)}`,
    `- ${howFar(parsed.epochMs, context.now)}${future ? ' (in the future: matching certificates issued until then are revoked too)' : ''}`,
    '',
    'Only matching certificates issued strictly before this instant are revoked.',
  ].join('\n');
}

/**
 * What the entry's kind and value revoke, in words, on its `kind` or value field (a serial's own
 * facts have their section). With an inventory, its section says it with the matches instead.
 */
export function entryMeaning(target: HoverTarget, context: HoverContext): string | undefined {
  const entry = target.entry;
  if (context.inventory || target.part !== 'value' || target.scope !== 'entry' || !entry?.kind || !entry.valueField)
    return undefined;
  if (target.key !== 'kind' && (target.field !== entry.valueField || entry.kind === 'serialnumber')) return undefined;
  const value = typeof entry.valueField.value === 'string' ? entry.valueField.value : undefined;
  if (value === undefined) return undefined;
  const when = entry.notBefore ? 'issued before its `notBefore`' : 'present **and future** (no `notBefore`)';
  switch (entry.kind) {
    case 'serialnumber':
      return `**Revokes** the certificate with serial number \`${value}\`${entry.notBefore ? ', if it was issued before its `notBefore`' : ''}.`;
    case 'Group':
      return `**Revokes** every certificate whose subject has the organization (O) \`${value}\` (case-sensitive), ${when}.`;
    case 'DNS': {
      const check = checkDnsName(value);
      if (!check.ok) return undefined;
      return check.isSuffix
        ? `**Revokes** every certificate with a SAN DNS name ending in \`${check.normalized}\` (not the bare \`${check.normalized.slice(1)}\`), ${when}.`
        : `**Revokes** every certificate with the SAN DNS name \`${check.normalized}\` (case and one trailing dot ignored), ${when}.`;
    }
    case 'IP': {
      const ip = parseIp(value);
      if (!ip.ok) return undefined;
      return `**Revokes** every certificate with the SAN IP address \`${ip.canonical}\`, ${when}.`;
    }
  }
}
