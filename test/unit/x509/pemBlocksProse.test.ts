// Armor lines mentioned in prose are no PEM blocks; a real block cut short still is one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPemBlocks } from '../../../server/src/service/x509/pemBlocks';

const problems = (text: string) => findPemBlocks(text).map((block) => ({ start: block.start, problem: block.problem }));

test('a BEGIN line named mid-sentence, with words after it, is prose even when a word line follows', () => {
  assert.deepEqual(problems('Paste the `-----BEGIN CERTIFICATE-----` block here.\nThen\nsave.\n'), []);
  assert.deepEqual(problems('Use `-----BEGIN CERTIFICATE-----` and `-----END CERTIFICATE-----` lines.\n'), []);
  assert.deepEqual(
    problems('A certificate file starts with -----BEGIN CERTIFICATE-----\nand ends with an END line.\n'),
    [],
  );
});

test('a block cut short is still reported: at the start of its line, and in a YAML value', () => {
  const cut = 'the CERTIFICATE block has no `-----END CERTIFICATE-----` line: it is cut short';
  assert.deepEqual(problems('-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ\n'), [{ start: 0, problem: cut }]);
  assert.deepEqual(problems('ca: |\n  -----BEGIN CERTIFICATE-----\n  MIIBszCCAVmgAwIBAgIUZ\n'), [
    { start: 8, problem: cut },
  ]);
});
