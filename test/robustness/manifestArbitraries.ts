// fast-check generators for the property tests: manifests with every kind of mistake a person
// makes (and some no person would), PEM text, and edits in the styles an editor sends them:
// typing, deleting, pasting, duplicating and moving lines, indenting, replacing a value, undoing.
import fc from 'fast-check';
import type { TextChange } from '../../server/src/service/parse/incremental';

/** Runs per property: 1,000 in `npm test`, `FUZZ_RUNS` (100,000 in `npm run fuzz`) otherwise. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** `npm run fuzz` sets FUZZ_RUNS: the long versions of other tests (the soak) key on it too. */
export const FUZZING = process.env.FUZZ_RUNS !== undefined;

const KINDS = ['serialnumber', 'Group', 'DNS', 'IP', 'dns', 'SerialNumber', 'ip', 'DSN', 'group', '""', '42'];
const FIELDS: Record<string, string[]> = {
  serialNumber: [
    '77fdf4b1033b387aaace6ce1c18710c2',
    '"77:FD:F4:B1"',
    '0x1f',
    '1234567890123456789012',
    "'0x 0a'",
    '""',
    'zz',
    'ff'.repeat(21),
    '"0a"',
    '{a: 1}',
  ],
  group: ['system:nodes', 'system:masters', 'team-a', '"kubeadm:cluster-admins"', '[a, b]', ''],
  dns: [
    'kubernetes.default.svc.',
    '.cluster.local',
    '.local',
    '"*.cluster.local"',
    'a..b',
    'Kubernetes.Default.SVC',
    'https://x.example/y',
    '123',
  ],
  ip: ['170.63.128.124', '10.0.0.1', '"::ffff:10.0.0.1"', '10.0.0.0/8', '2001:db8::1', '999.1.1.1', 'true'],
  notBefore: [
    '"2020-04-17T17:22:05Z"',
    '2020-04-17T17:22:05Z',
    '"2099-01-01T00:00:00Z"',
    '"2020-02-30T00:00:00Z"',
    '2020',
    'null',
    '"yesterday"',
  ],
  description: ['Revoked certificates', '"quoted: yes"', '|\n      a block\n      scalar', "'single'"],
  // Keys the schema does not know, misspelt known ones among them.
  serialnumber: ['abc'],
  notbefore: ['"2020-04-17T17:22:05Z"'],
  Kind: ['DNS'],
  extra: ['1'],
};
const FIELD_NAMES = Object.keys(FIELDS);

const entryArbitrary = fc
  .record({
    kind: fc.option(fc.constantFrom(...KINDS), { freq: 8 }),
    fields: fc.uniqueArray(fc.constantFrom(...FIELD_NAMES), { maxLength: 4 }),
    picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    flow: fc.integer({ min: 0, max: 9 }),
    comment: fc.constantFrom('', '', '', '  # a comment', '  # renew-revocation-disable-line'),
    suppress: fc.constantFrom(
      '',
      '',
      '',
      '',
      '  # renew-revocation-disable-next-line\n',
      '  # renew-revocation-disable-next-line missing-not-before,dns-invalid\n',
    ),
  })
  .map(({ kind, fields, picks, flow, comment, suppress }) => {
    const parts: string[] = [];
    if (kind !== null) parts.push(`kind: ${kind}`);
    fields.forEach((field, i) => {
      const pool = FIELDS[field];
      parts.push(`${field}: ${pool[picks[i] % pool.length]}`);
    });
    if (parts.length === 0) parts.push('kind: DNS');
    const blockScalar = parts.some((part) => part.includes('|'));
    if (flow === 0 && !blockScalar) return `${suppress}  - {${parts.join(', ')}}${comment}\n`;
    return `${suppress}  - ${parts.join(`${comment}\n    `)}\n`;
  });

const PEM_IN_YAML =
  'data:\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUUnRGDc1fzVvvOYyjvhf0wUqL3oQwCgYIKoZIzj0EAwIw\n    -----END CERTIFICATE-----\n';

/** A YAML mapping's text as an item of a block sequence at column 0. */
function asListItem(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line, index) => `${index === 0 ? '- ' : '  '}${line}\n`)
    .join('');
}

const LIST_ITEMS = {
  configMap: asListItem('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n'),
  manifest: asListItem(
    'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: other\n  uid: 0b1c6a0e\nspec:\n  revocations:\n  - kind: DNS\n    dns: a.example\n  - kind: serialnumber\n    serialNumber: zz\n',
  ),
};

/** A file holding one or two RenewRevocation documents (or List items), maybe among others, maybe broken at the top. */
export const manifestText = fc
  .record({
    entries: fc.array(entryArbitrary, { minLength: 0, maxLength: 6 }),
    apiVersion: fc.constantFrom(
      'certificates.microsoft.com/v1',
      'certificates.microsoft.com/v1',
      'certificates.microsoft.com/v2',
      'v1',
    ),
    metadata: fc.constantFrom(
      'metadata:\n  name: m\n  namespace: kube-system\n',
      'metadata:\n  name: m\n',
      '',
      'metadata: {}\n',
    ),
    description: fc.boolean(),
    revocationsKey: fc.constantFrom('revocations', 'revocations', 'revocations', 'revocation'),
    before: fc.constantFrom(
      '',
      '',
      '',
      'kind: ConfigMap\ndata:\n  a: b\n---\n',
      '# yaml-language-server: $schema=x.json\n',
      '# renew-revocation-disable\n',
    ),
    after: fc.constantFrom(
      '',
      '',
      '',
      `---\nkind: Secret\n${PEM_IN_YAML}`,
      '---\napiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\nmetadata:\n  name: second\nspec:\n  revocations:\n  - kind: IP\n    ip: 10.0.0.1\n',
    ),
    lineEnd: fc.constantFrom('\n', '\n', '\n', '\r\n'),
    // As the cluster prints it: an item of a `v1 List` or of a RenewRevocationList, between others.
    list: fc.constantFrom(undefined, undefined, undefined, 'List', 'RenewRevocationList'),
    itemBefore: fc.constantFrom('', LIST_ITEMS.configMap, LIST_ITEMS.manifest),
    itemAfter: fc.constantFrom('', LIST_ITEMS.configMap, LIST_ITEMS.manifest),
  })
  .map(
    ({
      entries,
      apiVersion,
      metadata,
      description,
      revocationsKey,
      before,
      after,
      lineEnd,
      list,
      itemBefore,
      itemAfter,
    }) => {
      const head = `apiVersion: ${apiVersion}\nkind: RenewRevocation\n${metadata}spec:\n${description ? '  description: d\n' : ''}  ${revocationsKey}:\n`;
      const manifest = `${head}${entries.join('') || '  []\n'}`;
      const body = list
        ? `apiVersion: ${list === 'List' ? 'v1' : 'certificates.microsoft.com/v1'}\nkind: ${list}\nmetadata:\n  resourceVersion: ""\nitems:\n${itemBefore}${asListItem(manifest)}${itemAfter}`
        : manifest;
      const text = `${before}${body}${after}`;
      return lineEnd === '\n' ? text : text.replace(/\n/g, lineEnd);
    },
  );

/** Text that is mostly PEM: certificate, key and request blocks, whole or damaged, with chatter around. */
export const pemText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '-----BEGIN CERTIFICATE-----\n',
        '-----END CERTIFICATE-----\n',
        '-----BEGIN PRIVATE KEY-----\n',
        '-----END PRIVATE KEY-----\n',
        '-----BEGIN CERTIFICATE REQUEST-----\n',
        'Proc-Type: 4,ENCRYPTED\n',
        '\n',
        'subject=CN=x\n',
      ),
      fc.base64String({ minLength: 4, maxLength: 64 }).map((line) => `${line}\n`),
      fc.string({ maxLength: 20 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

/** One edit, described independently of the text it will be applied to (positions are fractions). */
export type EditStyle =
  | { style: 'type'; at: number; text: string }
  | { style: 'delete'; at: number; length: number }
  | { style: 'replace-value'; at: number; text: string }
  | { style: 'duplicate-line'; at: number }
  | { style: 'delete-line'; at: number }
  | { style: 'move-line'; from: number; to: number }
  | { style: 'indent'; at: number; outdent: boolean }
  | { style: 'paste-entry'; at: number; entry: string }
  | { style: 'type-word'; at: number; word: string }
  | { style: 'undo'; at: number; text: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const typed = fc.constantFrom(
  'a',
  '0',
  'f',
  ':',
  ' ',
  '.',
  '"',
  "'",
  '-',
  '#',
  '\n',
  '\r\n',
  'x',
  'Z',
  '[',
  '{',
  '}',
  '&a ',
  '*a',
  '!!str ',
  '\t',
  '|',
  '?',
  ', ',
  '- ',
  'kind: DNS',
  '\uFEFF',
  '\u00e9',
);

export const editStyle: fc.Arbitrary<EditStyle> = fc.oneof(
  fc.record({ style: fc.constant('type' as const), at: fraction, text: typed }),
  fc.record({ style: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({
    style: fc.constant('replace-value' as const),
    at: fraction,
    text: fc.constantFrom(
      ...Object.values(FIELDS)
        .flat()
        .filter((value) => !value.includes('\n')),
    ),
  }),
  fc.record({ style: fc.constant('duplicate-line' as const), at: fraction }),
  fc.record({ style: fc.constant('delete-line' as const), at: fraction }),
  fc.record({ style: fc.constant('move-line' as const), from: fraction, to: fraction }),
  fc.record({ style: fc.constant('indent' as const), at: fraction, outdent: fc.boolean() }),
  fc.record({ style: fc.constant('paste-entry' as const), at: fraction, entry: entryArbitrary }),
  fc.record({
    style: fc.constant('type-word' as const),
    at: fraction,
    word: fc.constantFrom('ab', '10.0', 'f:0', 'sys', '2021-'),
  }),
  fc.record({ style: fc.constant('undo' as const), at: fraction, text: typed }),
);

function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return { start, end: newline === -1 ? text.length : newline + 1 };
}

/**
 * The editor's changes for one edit of `text`, in order (each against the text the ones before
 * it left), as `didChange` sends them one at a time.
 */
export function changesFor(text: string, edit: EditStyle): TextChange[] {
  const at = (position: number) => Math.min(text.length, Math.floor(position * (text.length + 1)));
  switch (edit.style) {
    case 'type':
      return [{ start: at(edit.at), end: at(edit.at), text: edit.text }];
    case 'delete': {
      const start = at(edit.at);
      return [{ start, end: Math.min(text.length, start + edit.length), text: '' }];
    }
    case 'replace-value': {
      // The value after the next `: ` on the line: selected and typed over.
      const { start: lineStart, end: lineEnd } = lineBounds(text, at(edit.at));
      const line = text.slice(lineStart, lineEnd).replace(/\r?\n$/, '');
      const colon = line.indexOf(': ');
      if (colon === -1) return [{ start: at(edit.at), end: at(edit.at), text: edit.text }];
      return [{ start: lineStart + colon + 2, end: lineStart + line.length, text: edit.text }];
    }
    case 'duplicate-line': {
      const { start, end } = lineBounds(text, at(edit.at));
      return [{ start: end, end, text: text.slice(start, end) }];
    }
    case 'delete-line': {
      const { start, end } = lineBounds(text, at(edit.at));
      return [{ start, end, text: '' }];
    }
    case 'move-line': {
      // Cut, then paste at another line start (offsets of the paste are in the text after the cut).
      const { start, end } = lineBounds(text, at(edit.from));
      const line = text.slice(start, end);
      const rest = text.slice(0, start) + text.slice(end);
      const target = lineBounds(rest, Math.min(rest.length, Math.floor(edit.to * (rest.length + 1)))).start;
      return [
        { start, end, text: '' },
        { start: target, end: target, text: line.endsWith('\n') ? line : `${line}\n` },
      ];
    }
    case 'indent': {
      const { start } = lineBounds(text, at(edit.at));
      if (!edit.outdent) return [{ start, end: start, text: '  ' }];
      const spaces = /^ {0,2}/.exec(text.slice(start))![0].length;
      return [{ start, end: start + spaces, text: '' }];
    }
    case 'paste-entry': {
      const { start } = lineBounds(text, at(edit.at));
      return [{ start, end: start, text: edit.entry }];
    }
    case 'type-word': {
      // One change per character, as typing sends them.
      const start = at(edit.at);
      return [...edit.word].map((char, i) => ({ start: start + i, end: start + i, text: char }));
    }
    case 'undo': {
      const start = at(edit.at);
      return [
        { start, end: start, text: edit.text },
        { start, end: start + edit.text.length, text: '' },
      ];
    }
  }
}
