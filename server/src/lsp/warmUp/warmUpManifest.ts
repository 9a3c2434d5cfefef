// The text the server validates while it waits for its first document (idleWarmUp.ts): a small
// manifest whose entries take the paths a real one takes, findings and quick fixes included
// (missing notBefore, colons in a serial, unquoted digits, a misspelt key, a duplicate, a date
// without a zone, a CIDR, a wildcard, a kind in the wrong case), so that the parser, the schema
// check and each rule have run and been compiled before a user's manifest arrives. Made-up
// values only: no real certificate or group.

const ENTRY_KINDS: readonly ((i: number) => readonly string[])[] = [
  (i) => ['kind: serialnumber', 'notBefore: "2024-05-06T07:08:09Z"', `serialNumber: "${serialOf(i)}"`],
  (i) => ['kind: Group', `group: warm-up-team-${i}`],
  (i) => ['kind: DNS', `dns: svc-${i}.warm-up.example`],
  (i) => ['kind: IP', `ip: 192.0.2.${i % 250}`],
  (i) => ['kind: serialnumber', 'notBefore: "2024-05-06T07:08:09Z"', `serialNumber: "${colonsOf(serialOf(i))}"`],
  (i) => ['kind: serialnumber', 'notBefore: "2024-05-06T07:08:09Z"', `serialNumber: ${String(i).padStart(21, '9')}`],
  (i) => ['kind: serialnumber', 'notbefore: "2024-05-06T07:08:09Z"', `serialNumber: "${serialOf(i)}"`],
  () => ['kind: serialnumber', 'notBefore: "2024-05-06T07:08:09Z"', `serialNumber: "${serialOf(0)}"`],
  (i) => ['kind: serialnumber', 'notBefore: "2024-05-06T07:08:09"', `serialNumber: "${serialOf(i)}"`],
  (i) => ['kind: IP', 'notBefore: "2024-05-06T07:08:09Z"', `ip: 198.51.100.${i % 250}/24`],
  (i) => ['kind: DNS', 'notBefore: "2024-05-06T07:08:09Z"', `dns: "*.warm-up-${i}.example"`],
  (i) => ['kind: dns', 'notBefore: "2024-05-06T07:08:09Z"', `dns: .warm-up-${i}.example`],
  (i) => [
    'kind: serialnumber',
    'notBefore: "2024-05-06T07:08:09Z"',
    `serialNumber: "${serialOf(i)}"`,
    `description: entry ${i}`,
  ],
];

function serialOf(i: number): string {
  return (0x5a17c0de + i * 7919).toString(16);
}

function colonsOf(serial: string): string {
  return serial.toUpperCase().replace(/(..)(?=.)/g, '$1:');
}

/** A RenewRevocation manifest of `entries` entries, cycling through ENTRY_KINDS. */
export function warmUpManifest(entries: number): string {
  const lines = [
    'apiVersion: certificates.microsoft.com/v1',
    'kind: RenewRevocation',
    'metadata:',
    '  name: warm-up',
    '  namespace: kube-system',
    'spec:',
    '  revocations:',
  ];
  for (let i = 0; i < entries; i++) {
    const [first, ...rest] = ENTRY_KINDS[i % ENTRY_KINDS.length](i);
    lines.push(`    - ${first}`, ...rest.map((line) => `      ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

const SERIAL_KEY = 'serialNumber: "';

/** The warm-up's one-character edit: a hex digit of a serial in the middle of the text (an edit the incremental parse takes). */
export function warmUpEdit(text: string): { start: number; end: number; text: string } {
  const start = text.indexOf(SERIAL_KEY, text.length >> 1) + SERIAL_KEY.length + 1;
  return { start, end: start + 1, text: text[start] === 'a' ? 'b' : 'a' };
}
