// The entries of a findings-dense manifest: about two in three entries carry a finding, as in a
// manifest written by hand in a hurry or converted from another tool. Most are Group, DNS and IP
// entries without `notBefore` (missing-not-before, with its quick fix); the rest spread over
// serials with colons or unquoted digits, a misspelt key, duplicates, bad dates and the few-findings
// manifest's mistakes. One in three is a clean serial entry, so validation still has work that
// finds nothing.
import { certificateFacts, serviceDnsName, serviceIp, teamOf } from './population';
import { randomInt, type Random } from './random';

/** The fields of one entry of the dense manifest, written in order; `earlier` holds serials already listed, for duplicates. */
export function denseEntry(
  next: Random,
  certificate: number,
  earlier: string[],
  mistakes: readonly (readonly string[])[],
): readonly string[] {
  const roll = next();
  const serial = certificateFacts(certificate).serialHex;
  const date = `notBefore: "20${19 + randomInt(next, 6)}-0${1 + randomInt(next, 9)}-1${randomInt(next, 10)}T08:00:00Z"`;
  if (roll < 0.34) {
    earlier.push(serial);
    return ['kind: serialnumber', date, `serialNumber: "${serial}"`];
  }
  if (roll < 0.64) {
    // missing-not-before, with the quick fix that adds it.
    const which = randomInt(next, 3);
    if (which === 0) return ['kind: Group', `group: ${teamOf(certificate)}`];
    if (which === 1) return ['kind: DNS', `dns: ${serviceDnsName(certificate)}`];
    return ['kind: IP', `ip: ${serviceIp(certificate).text}`];
  }
  if (roll < 0.72) {
    // serial-not-canonical (colons), with the quick fix that writes the canonical form.
    const colons = serial.padStart(serial.length + (serial.length % 2), '0').replace(/(..)(?=.)/g, '$1:');
    return ['kind: serialnumber', date, `serialNumber: "${colons.toUpperCase()}"`];
  }
  if (roll < 0.77) {
    // serial-number-type: unquoted digits YAML reads as a number, with the quick fix that quotes them.
    return ['kind: serialnumber', date, `serialNumber: ${String(certificate).padStart(21, '9')}`];
  }
  if (roll < 0.82) {
    // unknown-field, with the quick fix that renames the key.
    return ['kind: serialnumber', `notbefore: "2020-01-01T00:00:00Z"`, `serialNumber: "${serial}"`];
  }
  if (roll < 0.88 && earlier.length > 0) {
    // duplicate-entry, pointing at the first entry with that serial (related information).
    return ['kind: serialnumber', date, `serialNumber: "${earlier[randomInt(next, earlier.length)]}"`];
  }
  if (roll < 0.93) {
    // not-before-invalid: no zone.
    return ['kind: serialnumber', 'notBefore: "2021-03-04T05:06:07"', `serialNumber: "${serial}"`];
  }
  return mistakes[randomInt(next, mistakes.length)];
}
