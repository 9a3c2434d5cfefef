import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXAMPLE, service, withCursor } from './featureHarness';

function hoverText(marked: string): string | undefined {
  const { text, position } = withCursor(marked);
  return service.doHover(service.parse(text), position)?.contents.value;
}

test('hover on notBefore: the instant in UTC and local time, and how long ago', () => {
  const value = hoverText(
    EXAMPLE.replace('notBefore: "2020-04-17T17:22:05Z"', 'notBefore: "2020-04-17T19:22|:05+02:00"'),
  );
  assert.ok(value);
  const lines = value.split('\n');
  assert.equal(lines[0], '**notBefore**');
  assert.equal(lines[2], '- UTC: `2020-04-17T17:22:05Z`');
  assert.match(lines[3], /^- local: 2020-04-1[78] \d\d:22:05 \(UTC([+-]\d\d:\d\d)?\)$/);
  assert.equal(lines[4], '- 5 years ago');
  assert.ok(value.includes('Only matching certificates issued strictly before this instant are revoked.'));
});

test('hover on a future notBefore says so; an invalid one says why', () => {
  const future = hoverText(`${EXAMPLE}  - kind: DNS\n    dns: a.example\n    notBefore: "2026-03-|01T00:00:00Z"\n`);
  assert.ok(future?.includes('- in 59 days (in the future: matching certificates issued until then are revoked too)'));
  const invalid = hoverText(`${EXAMPLE}  - kind: DNS\n    dns: a.example\n    notBefore: "2026-02-3|0T00:00:00Z"\n`);
  assert.match(
    invalid ?? '',
    /^\*\*notBefore\*\*\n\nNot an RFC 3339 date-time with a zone: day 30 does not exist in 2026-02\.$/,
  );
});

test('hover on an entry value or kind says what it revokes, present and future without notBefore', () => {
  assert.equal(
    hoverText(EXAMPLE.replace('dns: .cluster.local', 'dns: .cluster.lo|cal')),
    '**Revokes** every certificate with a SAN DNS name ending in `.cluster.local` (not the bare `cluster.local`), present **and future** (no `notBefore`).',
  );
  assert.equal(
    hoverText(EXAMPLE.replace('    kind: Group', '    kind: Gro|up')),
    '**Revokes** every certificate whose subject has the organization (O) `system:nodes` (case-sensitive), present **and future** (no `notBefore`).',
  );
  assert.equal(
    hoverText(`${EXAMPLE}  - kind: IP\n    ip: "::ffff:10.0.0.|1"\n    notBefore: "2020-01-01T00:00:00Z"\n`),
    '**Revokes** every certificate with the SAN IP address `::ffff:10.0.0.1`, issued before its `notBefore`.',
  );
  assert.equal(hoverText(`${EXAMPLE}  - kind: IP\n    ip: 10.0.0.0/|8\n`), undefined);
});
