// Certificate validity times (RFC 5280 §4.1.2.5) straight from their DER digits to the one output
// form, ISO 8601 UTC with seconds (`2020-04-17T17:22:05Z`), without a Date in between.

import { DerError, TAG, type DerElement } from './der';

/** The time of a UTCTime or GeneralizedTime element as ISO 8601 UTC with seconds. */
export function readTime(bytes: Uint8Array, element: DerElement, what: string): string {
  const { contentStart: at, end } = element;
  const length = end - at;
  let year: number;
  let rest: number;
  if (element.tag === TAG.UTC_TIME) {
    // YYMMDDHHMMSSZ; RFC 5280: YY of 50 or more is 19YY, less than 50 is 20YY.
    if (length !== 13 || bytes[end - 1] !== 0x5a)
      throw new DerError(`${what} is not a UTCTime of the form YYMMDDHHMMSSZ`);
    const yy = twoDigits(bytes, at, what);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
    rest = at + 2;
  } else if (element.tag === TAG.GENERALIZED_TIME) {
    // YYYYMMDDHHMMSSZ; fractional seconds (not allowed by RFC 5280, but seen) are dropped.
    if (length < 15 || bytes[end - 1] !== 0x5a || (length > 15 && !hasFraction(bytes, at + 14, end - 1))) {
      throw new DerError(`${what} is not a GeneralizedTime of the form YYYYMMDDHHMMSSZ`);
    }
    year = twoDigits(bytes, at, what) * 100 + twoDigits(bytes, at + 2, what);
    rest = at + 4;
  } else {
    throw new DerError(`${what} has tag 0x${element.tag.toString(16)}, expected a UTCTime or a GeneralizedTime`);
  }
  const month = twoDigits(bytes, rest, what);
  const day = twoDigits(bytes, rest + 2, what);
  const hour = twoDigits(bytes, rest + 4, what);
  const minute = twoDigits(bytes, rest + 6, what);
  const second = twoDigits(bytes, rest + 8, what);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw new DerError(`${what} is not a valid date and time`);
  }
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}Z`;
}

function hasFraction(bytes: Uint8Array, from: number, to: number): boolean {
  if (bytes[from] !== 0x2e || to - from < 2) return false;
  for (let i = from + 1; i < to; i++) if (bytes[i] < 0x30 || bytes[i] > 0x39) return false;
  return true;
}

function twoDigits(bytes: Uint8Array, at: number, what: string): number {
  const tens = bytes[at] - 0x30;
  const ones = bytes[at + 1] - 0x30;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) throw new DerError(`${what} has a non-digit where a digit belongs`);
  return tens * 10 + ones;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}

function pad4(value: number): string {
  return `${value}`.padStart(4, '0');
}
