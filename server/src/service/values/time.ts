// Instants: `notBefore` as RFC 3339 date-time text with a zone, and the one output form (docs/MATCHING.md, "Canonical forms"):
// ISO 8601 UTC with seconds, `2020-04-17T17:22:05Z`.

export type TimeParse = { ok: true; epochMs: number } | { ok: false; reason: string };

// RFC 3339 §5.6 date-time, written the way Kubernetes (Go's time.RFC3339) reads it: upper-case
// `T` and `Z`, a zone always, fractional seconds allowed.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/;
const EXAMPLE = '`2020-04-17T17:22:05Z`';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why text that does not match the grammar is wrong, as precisely as we can tell. */
function explainSyntax(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `a date alone is not enough: add the time and zone, like ${EXAMPLE}`;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text))
    return `the time zone is missing: add \`Z\` for UTC or an offset such as \`+02:00\``;
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(text))
    return `separate the date and the time with \`T\`, like ${EXAMPLE}`;
  if (/^\d{4}-\d{2}-\d{2}t/.test(text) || /\d(z)$/.test(text))
    return `write \`T\` and \`Z\` in upper case, like ${EXAMPLE}`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})$/.test(text))
    return `the seconds are missing, like ${EXAMPLE}`;
  if (/[+-]\d{4}$/.test(text) || /[+-]\d{2}$/.test(text))
    return 'write the zone offset as `±hh:mm`, for example `+02:00`';
  return `write the date, the time and the zone as \`YYYY-MM-DDThh:mm:ssZ\` or with an offset (\`±hh:mm\`), like ${EXAMPLE}`;
}

/** Reads RFC 3339 date-time text with a zone into milliseconds since the epoch. Never throws. */
export function parseRfc3339(text: string): TimeParse {
  if (text.trim() === '') return { ok: false, reason: 'it is empty' };
  const match = DATE_TIME.exec(text);
  if (!match) return { ok: false, reason: explainSyntax(text) };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  if (month < 1 || month > 12) return { ok: false, reason: `there is no month ${match[2]}` };
  if (day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `day ${match[3]} does not exist in ${year}-${match[2]}` };
  if (hour > 23) return { ok: false, reason: `hour ${match[4]} is out of range (00–23)` };
  if (minute > 59) return { ok: false, reason: `minute ${match[5]} is out of range (00–59)` };
  // RFC 3339 allows a leap second 60, but Kubernetes (Go) refuses it: so do we.
  if (second > 59) return { ok: false, reason: `second ${match[6]} is out of range (00–59)` };
  let offsetMinutes = 0;
  if (match[8] !== 'Z') {
    const offsetHours = Number(match[10]);
    const offsetMins = Number(match[11]);
    if (offsetHours > 23 || offsetMins > 59)
      return { ok: false, reason: `the zone offset ${match[8]} is out of range` };
    offsetMinutes = (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  // Milliseconds from the digits themselves (not a float product, which can land on x.9999).
  const millis = match[7] ? Number(`${match[7].slice(1)}00`.slice(0, 3)) : 0;
  return { ok: true, epochMs: utcMs(year, month, day, hour, minute, second) - offsetMinutes * 60_000 + millis };
}

function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC reads years 0–99 as 1900–1999: set the full year instead.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, 0);
  return utc.getTime();
}

/** ISO 8601 UTC with whole seconds: `2020-04-17T17:22:05Z` (milliseconds dropped, not rounded). */
export function formatIsoUtc(instant: Date | number): string {
  const date = typeof instant === 'number' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return 'invalid date';
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
