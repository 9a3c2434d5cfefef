// Where a certificate stands against a clock the caller passes (tests and `--now` pin it):
// valid, expiring within N days, expired, not yet valid. notAfter is the last valid instant, as
// RFC 5280 §4.1.2.5 and openssl read it.
import type { ExpiryState } from './decodedTypes';

const DAY_MS = 86_400_000;

export interface ExpiryClock {
  now: Date;
  /** `renewRevocation.expiryWarningDays`. */
  expiryWarningDays: number;
}

export interface Expiry {
  state: ExpiryState;
  /** Whole days from now to notAfter, rounded down (negative once expired). */
  daysToExpiry: number;
}

export function expiryOf(validity: { notBefore: string; notAfter: string }, clock: ExpiryClock): Expiry {
  const now = clock.now.getTime();
  const notBefore = Date.parse(validity.notBefore);
  const notAfter = Date.parse(validity.notAfter);
  const daysToExpiry = Math.floor((notAfter - now) / DAY_MS);
  let state: ExpiryState;
  if (now > notAfter) state = 'expired';
  else if (now < notBefore) state = 'not-yet-valid';
  else if (notAfter - now <= clock.expiryWarningDays * DAY_MS) state = 'expiring';
  else state = 'valid';
  return { state, daysToExpiry };
}

/** "in 14 days", "3 days ago", "today": for people. */
export function describeDays(days: number): string {
  if (days === 0) return 'today';
  const count = Math.abs(days);
  const unit = count === 1 ? 'day' : 'days';
  if (count >= 730) {
    const years = Math.floor(count / 365);
    return days > 0 ? `in ${years} years` : `${years} years ago`;
  }
  return days > 0 ? `in ${count} ${unit}` : `${count} ${unit} ago`;
}
