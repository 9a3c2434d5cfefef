// `notBefore`: only certificates issued strictly before it are revoked. Text that is not an RFC
// 3339 date-time with a zone (not-before-invalid), and an instant still ahead of the clock, which
// keeps revoking every matching certificate issued until then (not-before-future).
import type { FieldRef } from '../manifest/manifestModel';
import { isScalar, Scalar } from 'yaml';
import { formatIsoUtc, parseRfc3339 } from '../values/time';
import { parsedNotBefore } from './parsedValues';
import type { Fix, Report, Rule } from './ruleTypes';
import { describeNonString, fieldText, isEmptyField, replaceStringValue, shown, valueSpan } from './valueFields';

const EXAMPLE = '`"2020-04-17T17:22:05Z"`';

export const notBeforeRule: Rule = {
  name: 'not-before',
  meta: [
    {
      code: 'not-before-invalid',
      severity: 'error',
      title: '`notBefore` is not an RFC 3339 date-time with a zone.',
      docs: [
        '`notBefore` is not an RFC 3339 date-time with a zone, read as Kubernetes reads it:',
        'the message says why (no zone, a date alone, a day that does not exist, hour 24, lowercase',
        '`t`/`z`, `+0200` without a colon, a number). Write for example `"2020-04-17T17:22:05Z"`. A',
        "date alone gets a quick fix that writes that day's midnight in UTC.",
      ].join('\n'),
    },
    {
      code: 'not-before-future',
      severity: 'warning',
      title: '`notBefore` is in the future.',
      docs: [
        '`notBefore` is later than now: every matching certificate issued until then is',
        'revoked, including those issued after you apply the manifest. A quick fix (not preferred: a',
        'future date can be deliberate) sets it to now.',
      ].join('\n'),
    },
  ],
  // Whether a notBefore is in the future, and by how much, is the clock's to say.
  clock: 'findings',
  // Once its notBefore has passed, an entry's findings are the same for every later clock.
  clockUntil: (entry) => (entry.kind && entry.notBefore ? notBeforeInstant(entry.notBefore) : undefined),
  create: ({ now }, report) => ({
    entry(entry) {
      if (entry.kind && entry.notBefore) checkNotBefore(entry.notBefore, now, report);
    },
  }),
};

/** The instant a `notBefore` field holds, or undefined when it holds none (the rules below say why). */
export function notBeforeInstant(field: FieldRef): number | undefined {
  const parsed = parsedNotBefore(field);
  return parsed?.ok ? parsed.epochMs : undefined;
}

function checkNotBefore(field: FieldRef, now: Date, report: Report): void {
  const [start, end] = valueSpan(field);
  const text = fieldText(field);
  if (text === undefined || text.trim() === '') {
    const message =
      isEmptyField(field) || text !== undefined
        ? `\`notBefore\` is empty: write an RFC 3339 date-time with a zone, like ${EXAMPLE}, or remove the key (then every matching certificate, present and future, is revoked)`
        : `\`notBefore\` must be an RFC 3339 date-time with a zone in quotes, like ${EXAMPLE}; YAML reads ${describeNonString(field)} here`;
    report({ code: 'not-before-invalid', start, end, message });
    return;
  }
  const parsed = parsedNotBefore(field);
  if (!parsed?.ok) {
    report({
      code: 'not-before-invalid',
      start,
      end,
      message: `\`notBefore\` ${shown(text)} is not an RFC 3339 date-time with a zone: ${parsed?.reason ?? ''}`,
      fixes: dateOnlyFixes(field, text),
    });
    return;
  }
  if (parsed.epochMs > now.getTime()) {
    const nowText = formatIsoUtc(now);
    // Not preferred: a future instant can be deliberate (revoke what is issued during a rotation).
    const edit = replaceStringValue(field, nowText);
    report({
      code: 'not-before-future',
      start,
      end,
      message: `\`notBefore\` ${formatIsoUtc(parsed.epochMs)} is in the future (${describeAhead(parsed.epochMs - now.getTime())}): every matching certificate issued until then is revoked, including the ones issued after you apply this manifest. To revoke only existing certificates, use the current time`,
      fixes: edit ? [{ title: `Set notBefore to now (${nowText})`, edits: [edit] }] : [],
    });
  }
}

/**
 * A date alone (`2026-12-05`) becomes that day's midnight in UTC, the title saying so: the zone
 * is a guess the user should see. Not preferred for the same reason.
 */
function dateOnlyFixes(field: FieldRef, text: string): Fix[] {
  const date = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  const instant = `${date}T00:00:00Z`;
  if (!parseRfc3339(instant).ok) return [];
  // Written plain, YAML 1.1 tools would read a timestamp: quote it as the documented examples do.
  const edit =
    isScalar(field.node) && field.node.type === Scalar.PLAIN
      ? { start: field.valueStart, end: field.valueEnd, newText: JSON.stringify(instant) }
      : replaceStringValue(field, instant);
  return edit ? [{ title: `Write notBefore as "${instant}" (midnight UTC)`, edits: [edit] }] : [];
}

function describeAhead(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'in less than a minute';
  if (minutes < 120) return `in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `in ${hours} hours`;
  const days = Math.round(hours / 24);
  if (days < 120) return `in ${days} days`;
  const years = days / 365.2425;
  if (years < 2) return `in about ${Math.round(days / 30.436875)} months`;
  return `in about ${Math.round(years)} years`;
}
