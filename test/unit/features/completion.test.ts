import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { EXAMPLE, NOW, accept, complete, item, labels, schemaErrors, service, withCursor } from './featureHarness';

const ENTRY_SNIPPETS = ['serialnumber entry', 'Group entry', 'DNS entry', 'IP entry'];
const ENTRY_KEYS = ['description', 'kind', 'notBefore', 'serialNumber', 'group', 'dns', 'ip'];
const HEAD = 'apiVersion: certificates.microsoft.com/v1\nkind: RenewRevocation\n';

/** No structural problem: the one error left is the placeholder, there to be typed over. */
function assertDiagnosticsClean(text: string): void {
  const structural = service
    .doValidation(service.parse(text))
    .filter((diagnostic) => diagnostic.severity === 'error' || diagnostic.code === 'unknown-field');
  assert.deepEqual(
    structural.map((diagnostic) => diagnostic.code),
    ['placeholder-value'],
  );
}

test('an empty document offers a whole manifest, then the top-level keys', () => {
  const items = complete('|');
  assert.deepEqual(labels(items), ['new RenewRevocation manifest', 'apiVersion', 'kind', 'metadata', 'spec']);
  const manifest = item(items, 'new RenewRevocation manifest');
  assert.equal(manifest.kind, 'snippet');
  assert.equal(manifest.isSnippet, true);
  assert.deepEqual(manifest.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.equal(
    manifest.insertText,
    [
      'apiVersion: certificates.microsoft.com/v1',
      'kind: RenewRevocation',
      'metadata:',
      '  name: ${1:my-renew-revocation}',
      '  namespace: ${2:kube-system}',
      'spec:',
      '  description: ${3:My list of renew revocations}',
      '  revocations:',
      '  - description: ${4:Revoked certificates by serial number}',
      '    kind: serialnumber',
      '    serialNumber: "${5:<serial-number>}"',
      `    notBefore: "\${6:${NOW}}"$0`,
    ].join('\n'),
  );
  const accepted = accept('|', manifest);
  assert.deepEqual(schemaErrors(accepted), [[]]);
  assertDiagnosticsClean(accepted);
});

test('a file of comments only, and a new document after ---, count as empty; the word typed is replaced', () => {
  assert.equal(labels(complete('# revocations for cluster A\n|'))[0], 'new RenewRevocation manifest');
  const items = complete('apiVersion: v1\nkind: ConfigMap\n---\nRen|');
  assert.equal(items[0].label, 'new RenewRevocation manifest');
  assert.deepEqual(items[0].range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
});

test('top-level keys not yet written, with their schema description; mappings open an indented line', () => {
  const items = complete(`${HEAD}|\nspec:\n  revocations: []\n`);
  assert.deepEqual(labels(items), ['metadata']);
  const metadata = items[0];
  assert.equal(metadata.kind, 'property');
  assert.equal(metadata.insertText, 'metadata:\n  $0');
  assert.equal(metadata.isSnippet, true);
  assert.equal(
    metadata.documentation?.value,
    'Standard Kubernetes object metadata: at least a `name`; RenewRevocation objects usually live in the `kube-system` namespace.',
  );
  // `status` belongs to the cluster: never offered.
  assert.deepEqual(complete(`${EXAMPLE}|`), []);
});

test('metadata keys: the ones missing, as `key: ` for scalars', () => {
  const items = complete(EXAMPLE.replace('  namespace: kube-system\n', '  na|\n'));
  assert.deepEqual(labels(items), ['namespace', 'labels', 'annotations']);
  const namespace = item(items, 'namespace');
  assert.equal(namespace.insertText, 'namespace: ');
  assert.equal(namespace.isSnippet, false);
  assert.deepEqual(namespace.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } });
  assert.equal(item(items, 'labels').insertText, 'labels:\n    $0');
});

test('metadata keys on an empty line under `metadata:` with nothing written yet', () => {
  assert.deepEqual(labels(complete(`${HEAD}metadata:\n  |\nspec:\n`)), ['name', 'namespace', 'labels', 'annotations']);
});

test('spec: the entry snippets where a new entry can go, and `revocations` opens the list at its own column', () => {
  const atEnd = complete(EXAMPLE.replace('  description: My list of renew revocations\n', '') + '  |');
  assert.deepEqual(labels(atEnd), [...ENTRY_SNIPPETS, 'description']);
  // Between two entries a spec key would cut the list: entries only.
  const between = complete(
    EXAMPLE.replace(
      '  - description: Revoked certificates by group',
      '  |\n  - description: Revoked certificates by group',
    ),
  );
  assert.deepEqual(labels(between), ENTRY_SNIPPETS);
  const revocations = item(complete(`${HEAD}metadata:\n  name: a\nspec:\n  |`), 'revocations');
  assert.equal(revocations.insertText, 'revocations:\n  - $0');
});

test('entry keys: those missing, and only the value field its kind needs', () => {
  assert.deepEqual(labels(complete(`${EXAMPLE}    |`)), ['notBefore']);
  assert.deepEqual(labels(complete(EXAMPLE.replace('    kind: Group\n', '    kind: Group\n    |\n'))), ['notBefore']);
  const noKind = complete(`${HEAD}spec:\n  revocations:\n  - description: x\n    |`);
  assert.deepEqual(labels(noKind), ['kind', 'notBefore', 'serialNumber', 'group', 'dns', 'ip']);
  assert.equal(item(noKind, 'kind').insertText, 'kind: ');
  assert.match(
    item(noKind, 'notBefore').documentation?.value ?? '',
    /^Only certificates issued \(notBefore\) strictly before this instant/,
  );
  const dnsWritten = complete(`${HEAD}spec:\n  revocations:\n  - dns: x\n    |`);
  assert.deepEqual(labels(dnsWritten), ['description', 'kind', 'notBefore']);
  const caseVariant = complete(`${HEAD}spec:\n  revocations:\n  - kind: dns\n    |`);
  assert.deepEqual(labels(caseVariant), ['description', 'notBefore', 'dns']);
});

test('on a key already followed by `:` only the name is replaced', () => {
  const items = complete(EXAMPLE.replace('    kind: Group', '    ki|nd: Group'));
  const kind = item(items, 'kind');
  assert.equal(kind.insertText, 'kind');
  assert.deepEqual(kind.range, { start: { line: 14, character: 4 }, end: { line: 14, character: 8 } });
});

test('after `- ` under revocations: one snippet per kind, then the entry keys', () => {
  const marked = `${EXAMPLE}  - |`;
  const items = complete(marked);
  assert.deepEqual(labels(items), [...ENTRY_SNIPPETS, ...ENTRY_KEYS]);
  const dns = item(items, 'DNS entry');
  assert.equal(dns.kind, 'snippet');
  assert.equal(dns.isSnippet, true);
  assert.equal(dns.detail, 'Revoked certificates by DNS (kind: DNS)');
  assert.equal(
    dns.insertText,
    `description: \${1:Revoked certificates by DNS}\n    kind: DNS\n    dns: \${2:<dns-name>}\n    notBefore: "\${3:${NOW}}"$0`,
  );
  assert.deepEqual(dns.range, { start: { line: 24, character: 4 }, end: { line: 24, character: 4 } });
  assert.equal(
    dns.documentation?.value,
    `\`\`\`yaml\ndescription: Revoked certificates by DNS\n    kind: DNS\n    dns: <dns-name>\n    notBefore: "${NOW}"\n\`\`\``,
  );
  assert.equal(
    item(items, 'serialnumber entry').insertText,
    `description: \${1:Revoked certificates by serial number}\n    kind: serialnumber\n    serialNumber: "\${2:<serial-number>}"\n    notBefore: "\${3:${NOW}}"$0`,
  );
});

test('every entry snippet, accepted with its defaults, gives a manifest that parses and validates', () => {
  const places = [
    `${EXAMPLE}  - |`,
    `${EXAMPLE}  |`,
    EXAMPLE.replace(
      '  - description: Revoked certificates by group',
      '  |\n  - description: Revoked certificates by group',
    ),
    `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n  |`,
    `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n    |`,
    `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n    - kind: IP\n      ip: 10.0.0.1\n    - |`,
    `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n    - kind: IP\n      ip: 10.0.0.1\n    |`,
  ];
  for (const marked of places) {
    const items = complete(marked);
    for (const label of ENTRY_SNIPPETS) {
      const accepted = accept(marked, item(items, label));
      assert.deepEqual(
        parseAllDocuments(accepted).flatMap((doc) => ('errors' in doc ? doc.errors.map((error) => error.message) : [])),
        [],
        accepted,
      );
      assert.deepEqual(schemaErrors(accepted), [[]], accepted);
      assertDiagnosticsClean(accepted);
    }
  }
});

test('an accepted entry lands at the entry column, its notBefore the service clock', () => {
  const marked = `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n    |`;
  const accepted = accept(marked, item(complete(marked), 'Group entry'));
  assert.equal(
    accepted,
    `${HEAD}metadata:\n  name: a\nspec:\n  revocations:\n    - description: Revoked certificates by group\n      kind: Group\n      group: <group>\n      notBefore: "${NOW}"`,
  );
});

test('`kind:` offers the documented spellings, replacing what is typed', () => {
  const items = complete(EXAMPLE.replace('kind: Group', 'kind: Gr|oup'));
  assert.deepEqual(labels(items), ['serialnumber', 'Group', 'DNS', 'IP']);
  const group = item(items, 'Group');
  assert.equal(group.kind, 'enum');
  assert.equal(group.insertText, 'Group');
  assert.equal(group.detail, 'needs group');
  assert.deepEqual(group.range, { start: { line: 14, character: 10 }, end: { line: 14, character: 15 } });
  const first = complete(`${EXAMPLE}  - kind: |`);
  assert.deepEqual(labels(first), ['serialnumber', 'Group', 'DNS', 'IP']);
  // Right after the colon: a space comes first.
  assert.equal(item(complete(`${EXAMPLE}  - kind:|`), 'IP').insertText, ' IP');
});

test('top-level `kind:` and `apiVersion:` offer their one value', () => {
  assert.deepEqual(labels(complete('kind: |')), ['RenewRevocation']);
  const apiVersion = complete(EXAMPLE.replace('apiVersion: certificates.microsoft.com/v1', 'apiVersion: |'));
  assert.deepEqual(labels(apiVersion), ['certificates.microsoft.com/v1']);
});

test('`notBefore:` offers the current UTC time from the service clock, quoted', () => {
  const items = complete(`${EXAMPLE}    notBefore: |`);
  assert.deepEqual(labels(items), [NOW]);
  assert.equal(items[0].insertText, `"${NOW}"`);
  assert.equal(items[0].detail, 'now (UTC)');
  assert.deepEqual(items[0].range, { start: { line: 24, character: 15 }, end: { line: 24, character: 15 } });
  // Inside quotes already typed: the whole value is replaced, and the filter sees the quote.
  const quoted = complete(`${EXAMPLE}    notBefore: "|"  # when the incident began`)[0];
  assert.deepEqual(quoted.range, { start: { line: 24, character: 15 }, end: { line: 24, character: 17 } });
  assert.equal(quoted.filterText, `"${NOW}"`);
  const replaced = accept(`${EXAMPLE}    notBefore: "|"  # when the incident began`, quoted);
  assert.ok(replaced.endsWith(`    notBefore: "${NOW}"  # when the incident began`));
});

test('nothing in comments, in other YAML documents, or in other languages', () => {
  assert.deepEqual(complete(`${EXAMPLE}# |`), []);
  assert.deepEqual(complete('apiVersion: v1\nkind: ConfigMap\n|'), []);
  assert.deepEqual(complete('services:\n  web:\n    |'), []);
  const { text, position } = withCursor('|');
  assert.deepEqual(service.doComplete(service.parse(text, 'plaintext'), position), []);
});

test('each document of a file is completed on its own', () => {
  const marked = `${EXAMPLE}---\napiVersion: v1\nkind: ConfigMap\n---\n${HEAD}metadata:\n  name: b\nspec:\n  revocations:\n  - kind: IP\n    |`;
  assert.deepEqual(labels(complete(marked)), ['description', 'notBefore', 'ip']);
  assert.deepEqual(labels(complete(`${EXAMPLE}---\n${HEAD}|`)), ['metadata', 'spec']);
});

test('positions past the end of a line or of the file complete at the end', () => {
  const { text } = withCursor(`${EXAMPLE}    |`);
  const model = service.parse(text);
  assert.deepEqual(labels(service.doComplete(model, { line: 24, character: 80 })), ['notBefore']);
  assert.deepEqual(labels(service.doComplete(model, { line: 400, character: 0 })), ['notBefore']);
});

test('CRLF documents complete as LF ones', () => {
  const crlf = `${EXAMPLE}  - kind: DNS\n    |`.replace(/\n/g, '\r\n');
  assert.deepEqual(labels(complete(crlf)), ['description', 'notBefore', 'dns']);
  const kind = complete(EXAMPLE.replace('kind: Group', 'kind: Gr|oup').replace(/\n/g, '\r\n'));
  assert.deepEqual(item(kind, 'Group').range, { start: { line: 14, character: 10 }, end: { line: 14, character: 15 } });
});

test('a new first entry above the list: entries only', () => {
  const marked = EXAMPLE.replace('  revocations:\n', '  revocations:\n  |\n');
  const items = complete(marked);
  assert.deepEqual(labels(items), ENTRY_SNIPPETS);
  assert.deepEqual(schemaErrors(accept(marked, item(items, 'IP entry'))), [[]]);
});
