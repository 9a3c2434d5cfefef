import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Hover } from '../../../server/src/service/types';
import { EXAMPLE, service, withCursor } from './featureHarness';

function hover(marked: string): Hover | null {
  const { text, position } = withCursor(marked);
  return service.doHover(service.parse(text), position);
}

function serialHover(value: string): string[] {
  const result = hover(`${EXAMPLE}  - kind: serialnumber\n    serialNumber: |${value}\n`);
  assert.ok(result, `a hover for ${value}`);
  return result.contents.value.split('\n');
}

test('a key shows its schema description, over the key', () => {
  const result = hover(EXAMPLE.replace('    kind: Group', '    ki|nd: Group'));
  assert.deepEqual(result, {
    contents: {
      kind: 'markdown',
      value:
        '**kind**\n\nWhat this entry matches on: `serialnumber` (the certificate serial), `Group` (an O value of the subject), `DNS` (a SAN DNS name, or a suffix when it starts with `.`) or `IP` (a SAN IP address).',
    },
    range: { start: { line: 14, character: 4 }, end: { line: 14, character: 8 } },
  });
  assert.equal(
    hover(EXAMPLE.replace('metadata:', '|metadata:'))?.contents.value,
    '**metadata**\n\nStandard Kubernetes object metadata: at least a `name`; RenewRevocation objects usually live in the `kube-system` namespace.',
  );
  assert.equal(
    hover(EXAMPLE.replace('  namespace:', '  namesp|ace:'))?.contents.value,
    '**namespace**\n\nThe namespace of this object, usually `kube-system`.',
  );
  assert.equal(
    hover(EXAMPLE.replace('  revocations:', '  |revocations:'))?.contents.value,
    '**revocations**\n\nThe revocation entries. A certificate is revoked when any entry matches it.',
  );
  assert.equal(
    hover(EXAMPLE.replace('    notBefore:', '    notBefor|e:'))?.contents.value,
    '**notBefore**\n\nOnly certificates issued (notBefore) strictly before this instant are revoked: an RFC 3339 date-time with a zone, for example `2020-04-17T17:22:05Z`. Without it, every matching certificate, present and future, is revoked.',
  );
});

test('a serial number shows hex, openssl form, colon form, decimal and octet count, over the value', () => {
  const result = hover(EXAMPLE.replace('serialNumber: 77fd', 'serialNumber: 7|7fd'));
  assert.deepEqual(result, {
    contents: {
      kind: 'markdown',
      value: [
        '**Serial number**',
        '',
        '- hex: `77fdf4b1033b387aaace6ce1c18710c2`',
        '- openssl: `77FDF4B1033B387AAACE6CE1C18710C2`',
        '- colon form: `77:fd:f4:b1:03:3b:38:7a:aa:ce:6c:e1:c1:87:10:c2`',
        '- decimal: `159496745535942404666097463499946397890`',
        '- length: 16 octets',
      ].join('\n'),
    },
    range: { start: { line: 11, character: 18 }, end: { line: 11, character: 50 } },
  });
});

test('a serial written in another form says its canonical form', () => {
  assert.deepEqual(serialHover('"00:ff"'), [
    '**Serial number**',
    '',
    '- hex: `ff`',
    '- openssl: `FF`',
    '- colon form: `ff`',
    '- decimal: `255`',
    '- length: 2 octets',
    '',
    'Written `00:ff`; the canonical form is `ff`.',
  ]);
  assert.deepEqual(serialHover('"0x0102"').slice(2), [
    '- hex: `102`',
    '- openssl: `0102`',
    '- colon form: `01:02`',
    '- decimal: `258`',
    '- length: 2 octets',
    '',
    'Written `0x0102`; the canonical form is `102`.',
  ]);
});

test('an unquoted serial that YAML reads as a number says to quote it', () => {
  assert.deepEqual(serialHover('1234').slice(2), [
    '- hex: `1234`',
    '- openssl: `1234`',
    '- colon form: `12:34`',
    '- decimal: `4660`',
    '- length: 2 octets',
    '',
    'YAML reads this unquoted value as a number: quote it so that it stays the serial written.',
  ]);
});

test('an invalid serial says why', () => {
  assert.deepEqual(serialHover('"77fg"'), [
    '**Serial number**',
    '',
    'Not a valid serial number: `g` is not a hexadecimal digit.',
  ]);
  assert.deepEqual(serialHover('""'), [
    '**Serial number**',
    '',
    'Not a valid serial number: the serial number is empty.',
  ]);
  const tooLong = serialHover(`"${'ab'.repeat(21)}"`);
  assert.deepEqual(tooLong.slice(0, 5), [
    '**Serial number**',
    '',
    'Not a valid serial number: it is 22 octets long; RFC 5280 allows at most 20.',
    '',
    `- hex: \`${'ab'.repeat(21)}\``,
  ]);
  assert.equal(tooLong[tooLong.length - 1], '- length: 22 octets');
});

test('no hover on blank space, on values without facts, or outside manifests', () => {
  assert.equal(
    hover(
      EXAMPLE.replace('  - description: Revoked certificates by IP', ' | - description: Revoked certificates by IP'),
    ),
    null,
  );
  assert.equal(
    hover(EXAMPLE.replace('description: Revoked certificates by group', 'description: Revoked certif|icates by group')),
    null,
  );
  assert.equal(hover('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  |name: x\n'), null);
  assert.equal(hover(`${EXAMPLE}    unknownKey|: 1\n`), null);
});

test('hover works in every manifest of a multi-document file', () => {
  const second =
    'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nspec:\n  revocations:\n  - kind: serialnumber\n    serialNumber: "|0A"\n';
  const result = hover(`${EXAMPLE}---\napiVersion: v1\nkind: ConfigMap\n---\n${second}`);
  assert.deepEqual(result?.range, { start: { line: 33, character: 18 }, end: { line: 33, character: 22 } });
  assert.equal(result?.contents.value.split('\n')[2], '- hex: `a`');
});
