import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { formatIsoUtc, parseRfc3339 } from '../../../server/src/service/values/time';

const ms = (text: string) => {
  const parsed = parseRfc3339(text);
  assert.ok(parsed.ok, `${text}: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.epochMs;
};
const reason = (text: string) => {
  const parsed = parseRfc3339(text);
  assert.ok(!parsed.ok, `${text} should be refused`);
  return parsed.reason;
};

test('RFC 3339 with Z, offsets and fractions', () => {
  assert.equal(ms('2020-04-17T17:22:05Z'), Date.UTC(2020, 3, 17, 17, 22, 5));
  assert.equal(ms('2020-04-17T19:22:05+02:00'), Date.UTC(2020, 3, 17, 17, 22, 5));
  assert.equal(ms('2020-04-17T12:22:05-05:00'), Date.UTC(2020, 3, 17, 17, 22, 5));
  assert.equal(ms('2020-04-17T17:22:05.5Z'), Date.UTC(2020, 3, 17, 17, 22, 5, 500));
  assert.equal(ms('2020-04-17T17:22:05.123456789Z'), Date.UTC(2020, 3, 17, 17, 22, 5, 123));
  assert.equal(ms('2020-04-17T17:22:05.07Z'), Date.UTC(2020, 3, 17, 17, 22, 5, 70));
  assert.equal(ms('2024-02-29T00:00:00Z'), Date.UTC(2024, 1, 29));
  assert.equal(ms('2000-02-29T23:59:59Z'), Date.UTC(2000, 1, 29, 23, 59, 59));
  assert.equal(ms('0001-01-01T00:00:00Z'), new Date('0001-01-01T00:00:00Z').getTime());
});

test('agrees with Date.parse on valid text', () => {
  for (const text of ['2020-04-17T17:22:05Z', '1999-12-31T23:59:59+14:00', '2030-06-01T00:00:00.250-11:30']) {
    assert.equal(ms(text), Date.parse(text));
  }
});

test('refuses what is not RFC 3339 with a zone, and says why', () => {
  assert.equal(reason(''), 'it is empty');
  assert.equal(reason('2020-04-17'), 'a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`');
  assert.equal(
    reason('2020-04-17T17:22:05'),
    'the time zone is missing: add `Z` for UTC or an offset such as `+02:00`',
  );
  assert.equal(reason('2020-04-17 17:22:05Z'), 'separate the date and the time with `T`, like `2020-04-17T17:22:05Z`');
  assert.equal(reason('2020-04-17t17:22:05z'), 'write `T` and `Z` in upper case, like `2020-04-17T17:22:05Z`');
  assert.equal(reason('2020-04-17T17:22Z'), 'the seconds are missing, like `2020-04-17T17:22:05Z`');
  assert.equal(reason('2020-04-17T17:22:05+0200'), 'write the zone offset as `±hh:mm`, for example `+02:00`');
  assert.equal(reason('2021-02-29T00:00:00Z'), 'day 29 does not exist in 2021-02');
  assert.equal(reason('2020-02-30T00:00:00Z'), 'day 30 does not exist in 2020-02');
  assert.equal(reason('1900-02-29T00:00:00Z'), 'day 29 does not exist in 1900-02');
  assert.equal(reason('2020-04-31T00:00:00Z'), 'day 31 does not exist in 2020-04');
  assert.equal(reason('2020-13-01T00:00:00Z'), 'there is no month 13');
  assert.equal(reason('2020-00-01T00:00:00Z'), 'there is no month 00');
  assert.equal(reason('2020-04-17T24:00:00Z'), 'hour 24 is out of range (00–23)');
  assert.equal(reason('2020-04-17T17:60:00Z'), 'minute 60 is out of range (00–59)');
  assert.equal(reason('2020-04-17T23:59:60Z'), 'second 60 is out of range (00–59)');
  assert.equal(reason('2020-04-17T17:22:05+24:00'), 'the zone offset +24:00 is out of range');
  assert.equal(
    reason('yesterday'),
    'write the date, the time and the zone as `YYYY-MM-DDThh:mm:ssZ` or with an offset (`±hh:mm`), like `2020-04-17T17:22:05Z`',
  );
  assert.equal(parseRfc3339('2020-04-17T17:22:05.Z').ok, false);
  assert.equal(parseRfc3339(' 2020-04-17T17:22:05Z').ok, false);
});

test('output: ISO 8601 UTC with whole seconds', () => {
  assert.equal(formatIsoUtc(new Date('2020-04-17T19:22:05.987+02:00')), '2020-04-17T17:22:05Z');
  assert.equal(formatIsoUtc(Date.UTC(2026, 0, 1)), '2026-01-01T00:00:00Z');
  assert.equal(formatIsoUtc(Number.NaN), 'invalid date');
});

test('property: formatted instants read back to the same second', () => {
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1, 0, 1), max: Date.UTC(9999, 11, 31) }), (epochMs) => {
      assert.equal(ms(formatIsoUtc(epochMs)), Math.floor(epochMs / 1000) * 1000);
    }),
  );
});
