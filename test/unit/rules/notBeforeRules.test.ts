import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, diagnostics, fixesFor, manifest, only, range } from './valueFixtures';

const withNotBefore = (value: string) =>
  manifest(`  - kind: serialnumber\n    serialNumber: 0a1b\n    notBefore: ${value}\n`);
const notBeforeFindings = (text: string) => diagnostics(text).filter((d) => d.code.startsWith('not-before'));

test('not-before-invalid: a date that does not exist, on the value', () => {
  const diagnostic = only(withNotBefore('"2021-02-29T00:00:00Z"'), 'not-before-invalid');
  assert.deepEqual(diagnostic.range, range(8, 15, 37));
  assert.equal(diagnostic.severity, 'error');
  assert.equal(
    diagnostic.message,
    '`notBefore` `2021-02-29T00:00:00Z` is not an RFC 3339 date-time with a zone: day 29 does not exist in 2021-02',
  );
});

test('not-before-invalid: missing zone, hour 24, a date alone, free text', () => {
  const message = (value: string) => only(withNotBefore(value), 'not-before-invalid').message;
  assert.equal(
    message('"2020-04-17T17:22:05"'),
    '`notBefore` `2020-04-17T17:22:05` is not an RFC 3339 date-time with a zone: the time zone is missing: add `Z` for UTC or an offset such as `+02:00`',
  );
  assert.equal(
    message('2020-04-17T24:00:00Z'),
    '`notBefore` `2020-04-17T24:00:00Z` is not an RFC 3339 date-time with a zone: hour 24 is out of range (00–23)',
  );
  assert.equal(
    message('2020-04-17'),
    '`notBefore` `2020-04-17` is not an RFC 3339 date-time with a zone: a date alone is not enough: add the time and zone, like `2020-04-17T17:22:05Z`',
  );
  assert.equal(
    message('"last tuesday"'),
    '`notBefore` `last tuesday` is not an RFC 3339 date-time with a zone: write the date, the time and the zone as `YYYY-MM-DDThh:mm:ssZ` or with an offset (`±hh:mm`), like `2020-04-17T17:22:05Z`',
  );
});

test('not-before-invalid: not a string, and empty', () => {
  const number = only(withNotBefore('2020'), 'not-before-invalid');
  assert.deepEqual(number.range, range(8, 15, 19));
  assert.equal(
    number.message,
    '`notBefore` must be an RFC 3339 date-time with a zone in quotes, like `"2020-04-17T17:22:05Z"`; YAML reads the number 2020 here',
  );
  const map = only(withNotBefore('{at: now}'), 'not-before-invalid');
  assert.equal(
    map.message,
    '`notBefore` must be an RFC 3339 date-time with a zone in quotes, like `"2020-04-17T17:22:05Z"`; YAML reads a mapping here',
  );
  const empty = only(withNotBefore(''), 'not-before-invalid');
  assert.deepEqual(empty.range, range(8, 4, 13));
  assert.equal(
    empty.message,
    '`notBefore` is empty: write an RFC 3339 date-time with a zone, like `"2020-04-17T17:22:05Z"`, or remove the key (then every matching certificate, present and future, is revoked)',
  );
  assert.equal(only(withNotBefore('""'), 'not-before-invalid').message, empty.message);
});

test('not-before-*: near misses: past instants in every zone form, fractions, and exactly now', () => {
  for (const value of [
    '"2020-04-17T17:22:05Z"',
    '2020-04-17T17:22:05Z',
    "'2025-12-31T23:59:59+01:00'",
    '"2025-12-31T23:59:59.999Z"',
    '"2026-01-01T00:00:00Z"',
    '"2026-01-01T01:00:00+01:00"',
  ]) {
    assert.deepEqual(notBeforeFindings(withNotBefore(value)), [], value);
  }
  // Entries of unknown kind are the schema's.
  assert.deepEqual(notBeforeFindings(manifest('  - kind: serial\n    notBefore: nope\n')), []);
});

test('not-before-future: on the value, says what it revokes; the (not preferred) fix sets it to now', () => {
  const text = withNotBefore('"2026-01-02T00:00:00Z"');
  const diagnostic = only(text, 'not-before-future');
  assert.deepEqual(diagnostic.range, range(8, 15, 37));
  assert.equal(diagnostic.severity, 'warning');
  assert.equal(
    diagnostic.message,
    '`notBefore` 2026-01-02T00:00:00Z is in the future (in 24 hours): every matching certificate issued until then is revoked, including the ones issued after you apply this manifest. To revoke only existing certificates, use the current time',
  );
  const [fix] = fixesFor(text, diagnostic);
  assert.equal(fix.isPreferred, undefined);
  const fixed = applyFix(text, diagnostic, 'Set notBefore to now (2026-01-01T00:00:00Z)');
  assert.equal(fixed, withNotBefore('"2026-01-01T00:00:00Z"'));
  assert.deepEqual(notBeforeFindings(fixed), []);
});

test('not-before-future: offsets count, and the distance reads in minutes, hours, days, months or years', () => {
  assert.match(
    only(withNotBefore('2026-01-01T00:30:00-00:30'), 'not-before-future').message,
    /^`notBefore` 2026-01-01T01:00:00Z is in the future \(in 60 minutes\)/,
  );
  assert.match(only(withNotBefore('"2026-01-01T00:00:01Z"'), 'not-before-future').message, /\(in less than a minute\)/);
  assert.match(only(withNotBefore('"2026-01-02T12:00:00Z"'), 'not-before-future').message, /\(in 36 hours\)/);
  assert.match(only(withNotBefore('"2026-03-01T00:00:00Z"'), 'not-before-future').message, /\(in 59 days\)/);
  assert.match(only(withNotBefore('"2027-01-01T00:00:00Z"'), 'not-before-future').message, /\(in about 12 months\)/);
  assert.match(only(withNotBefore('"2099-01-01T00:00:00Z"'), 'not-before-future').message, /\(in about 73 years\)/);
});
