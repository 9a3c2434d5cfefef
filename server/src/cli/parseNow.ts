// `--now`: pins the clock the rules read (not-before-future, expiry). Accepts an ISO 8601 date
// (midnight UTC) or a date-time with a zone; a date-time without a zone would silently depend on
// the machine's time zone, so it is refused with a hint.
import { UsageError } from './errors';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseNow(text: string, option = '--now'): Date {
  const expected = `${option} expects an ISO date-time such as 2026-01-31T12:00:00Z; found '${text}'`;
  const date = DATE.exec(text);
  const dateTime = date ? undefined : DATE_TIME.exec(text);
  const match = date ?? dateTime;
  if (!match) throw new UsageError(expected);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new UsageError(expected);
  if (date) return new Date(Date.UTC(year, month - 1, day));
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw new UsageError(expected);
  const zone = match[8];
  if (zone === undefined)
    throw new UsageError(`${option} needs a time zone: add Z (UTC) or an offset such as +02:00 to '${text}'`);
  const normalized = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6] ?? '00'}${match[7] ?? ''}${zone.toUpperCase()}`;
  const parsed = new Date(normalized);
  if (Number.isNaN(parsed.getTime())) throw new UsageError(expected);
  return parsed;
}
