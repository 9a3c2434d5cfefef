// Our block-YAML reader against the `yaml` package it stands in for: on every YAML file of the
// repository, on generated documents full of blank and comment lines at every indentation, and on
// the bundled examples with such lines inserted at random, it either answers exactly what
// `parseAllDocuments` answers (node classes, values, sources, scalar types and formats, every
// range, the documents' ranges and markers, no errors) or leaves the text to `yaml`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { composeBlockYaml } from '../../../server/src/service/parse/blockYaml';

const OPTIONS = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true, logLevel: 'error' } as const;

function shape(node: unknown): unknown {
  if (isMap(node))
    return {
      map: node.range,
      flow: node.flow ?? false,
      items: node.items.map((pair) => [shape(pair.key), shape(pair.value)]),
    };
  if (isSeq(node)) return { seq: node.range, flow: node.flow ?? false, items: node.items.map(shape) };
  if (isScalar(node)) {
    const value = typeof node.value === 'number' && !Number.isFinite(node.value) ? String(node.value) : node.value;
    return { scalar: node.range, value, source: node.source, type: node.type, format: node.format, tag: node.tag };
  }
  return node === null ? null : { unexpected: String(node) };
}

function documentsShape(documents: readonly Document.Parsed[]): unknown {
  return documents.map((document) => ({
    range: document.range,
    docStart: document.directives.docStart,
    errors: document.errors.length,
    warnings: document.warnings.length,
    contents: shape(document.contents),
    js: JSON.stringify(document.toJS()),
  }));
}

/** 'read' when our reader answered (and equals `yaml`), 'left' when it left the text to `yaml`. */
function check(text: string, name: string): 'read' | 'left' {
  const ours = composeBlockYaml(text, OPTIONS);
  if (!ours) return 'left';
  const theirs = parseAllDocuments(text, OPTIONS);
  assert.deepEqual(
    documentsShape(ours),
    documentsShape(Array.isArray(theirs) ? theirs : []),
    `${name}: ${JSON.stringify(text)}`,
  );
  return 'read';
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A small deterministic generator (mulberry32), so a failure names the seed that made it. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCALARS = ['a', 'b c', '1', '0x1F', '1e3', '.5', 'true', 'null', '~', '"q"', "'s'", "'it''s'", '"a # b"', 'x#y'];
const MORE_SCALARS = [
  '{}',
  '[]',
  'http://h:1',
  '-5',
  '2024-01-01T00:00:00Z',
  '0o17',
  '+12',
  '.inf',
  '1234567890123456789012',
  'a,b',
  'x]',
];
// Scalars our reader leaves to `yaml`, so that generated documents also test where it stops.
const OTHER_SCALARS = [
  'a: b',
  '- x',
  '[a]',
  '{ }',
  '{}#c',
  '|',
  '&a x',
  '*a',
  '!t x',
  '"esc\\n"',
  '? x',
  '%x',
  '@x',
  '"open',
];
const KEYS = ['kind', 'name', 'a', 'b', 'serialNumber', 'x y', 'k-1'];

function generatedDocument(seed: number, others: boolean): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const scalars = others ? [...SCALARS, ...MORE_SCALARS, ...OTHER_SCALARS] : [...SCALARS, ...MORE_SCALARS];
  const lines: string[] = [];
  const lineEnd = () => (next() < 0.15 ? ' # t' : next() < 0.06 ? '  ' : '');
  const trivia = (indent: number) => {
    while (next() < 0.3) {
      const kind = next();
      lines.push(kind < 0.4 ? '' : kind < 0.5 ? '   ' : `${' '.repeat(Math.floor(next() * (indent + 4)))}# c`);
    }
  };
  const collection = (depth: number, indent: number): void => {
    const mapping = next() < 0.6;
    const count = 1 + Math.floor(next() * 4);
    for (let index = 0; index < count; index++) {
      trivia(indent);
      const pad = ' '.repeat(indent);
      const nested = depth < 3 && next() < 0.4;
      if (mapping) {
        const key = pick(KEYS) + (others && next() < 0.1 ? '' : String(index));
        if (nested) {
          lines.push(`${pad}${key}:${lineEnd()}`);
          if (next() >= 0.1) collection(depth + 1, next() < 0.3 ? indent : indent + pick([1, 2, 2, 4]));
        } else lines.push(`${pad}${key}:${next() < 0.1 ? '' : ` ${pick(scalars)}`}${lineEnd()}`);
      } else if (nested && next() < 0.5) {
        const start = lines.length;
        collection(depth + 1, indent + 2);
        const first = lines.findIndex((line, at) => at >= start && line.trim() !== '' && !line.trim().startsWith('#'));
        if (first >= 0 && !lines[first].trim().startsWith('-'))
          lines[first] = `${pad}- ${lines[first].slice(indent + 2)}`;
        else lines.splice(start, 0, `${pad}-${lineEnd()}`);
      } else if (nested) {
        lines.push(`${pad}-${lineEnd()}`);
        if (next() >= 0.2) collection(depth + 1, indent + pick([1, 2, 4]));
      } else lines.push(`${pad}-${next() < 0.1 ? '' : `${' '.repeat(pick([1, 1, 2]))}${pick(scalars)}`}${lineEnd()}`);
    }
  };
  if (next() < 0.2) lines.push('# header');
  const documents = next() < 0.2 ? 2 : 1;
  for (let index = 0; index < documents; index++) {
    if (index > 0 || next() < 0.2) lines.push('---');
    trivia(0);
    collection(0, 0);
    trivia(0);
  }
  return lines.join('\n') + (next() < 0.8 ? '\n' : '');
}

test('every YAML file of the repository: read exactly as yaml reads it, or left to yaml', () => {
  const files = [...yamlFiles('examples'), ...yamlFiles('test/fixtures')];
  const outcomes = files.map((file) => ({ file, outcome: check(readFileSync(file, 'utf8'), file) }));
  const read = outcomes.filter(({ outcome }) => outcome === 'read').map(({ file }) => file);
  assert.ok(read.includes(join('examples', 'documented.yaml')), 'the documented example is read by our reader');
  assert.ok(read.length >= files.length / 2, `our reader reads ${read.length} of ${files.length} files`);
});

test('generated block documents with blank and comment lines everywhere: same nodes and ranges as yaml', () => {
  let read = 0;
  for (let seed = 1; seed <= 1500; seed++) if (check(generatedDocument(seed, false), `seed ${seed}`) === 'read') read++;
  // Most of them are inside the subset (the rest have a duplicate key or a key like `1`).
  assert.ok(read > 1000, `read ${read} of 1500`);
});

test('generated documents with flow, anchors, tags, block scalars and errors: left to yaml or the same', () => {
  let read = 0;
  let left = 0;
  for (let seed = 1; seed <= 1500; seed++) {
    if (check(generatedDocument(seed, true), `seed ${seed}`) === 'read') read++;
    else left++;
  }
  assert.ok(read > 100 && left > 500, `read ${read}, left ${left}`);
});

test('the examples with blank and comment lines inserted at random: same as yaml', () => {
  const examples = yamlFiles('examples').map((file) => readFileSync(file, 'utf8'));
  let read = 0;
  for (let seed = 1; seed <= 600; seed++) {
    const next = random(seed);
    const lines = examples[seed % examples.length].split('\n');
    for (let insert = Math.floor(next() * 6); insert >= 0; insert--) {
      const at = Math.floor(next() * (lines.length + 1));
      lines.splice(
        at,
        0,
        next() < 0.3 ? ' '.repeat(Math.floor(next() * 3)) : `${' '.repeat(Math.floor(next() * 9))}# note`,
      );
    }
    if (check(lines.join('\n'), `example ${seed % examples.length}, seed ${seed}`) === 'read') read++;
  }
  assert.ok(read > 300, `read ${read} of 600`);
});

test('a comment indented deeper than its mapping ends the scalar before it; others trail the mapping', () => {
  const text = 'a:\n  b: 1\n     # deeper\n  # level\nc: 2\n';
  assert.equal(check(text, 'comments'), 'read');
  const [document] = composeBlockYaml(text, OPTIONS) ?? [];
  const inner = (
    document.contents as unknown as { items: { value: { range: number[]; items: { value: { range: number[] } }[] } }[] }
  ).items[0].value;
  assert.deepEqual(inner.items[0].value.range, [8, 9, 24]);
  assert.deepEqual(inner.range, [5, 24, 34]);
});

test('an empty value followed by comments, and documents after ---', () => {
  assert.equal(check('a: # why\n# more\nb:\n  # inner\n---\n- # x\n-\nc: 1\n', 'empty values'), 'left');
  assert.equal(check('a: # why\n# more\nb:\n  # inner\n---\n- # x\n-\n', 'empty values'), 'read');
  assert.equal(check('# only a comment\n', 'no document'), 'read');
  assert.deepEqual(composeBlockYaml('\n# only a comment\n', OPTIONS), []);
});

test('what the reader leaves to yaml', () => {
  for (const text of [
    'a:\tb\n',
    'a: b\r\n',
    'a: [1, 2]\n',
    'a: {a: 1}\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: |\n  text\n',
    'a: >\n  text\n',
    'a: "x\\ty"\n',
    'a: "two\n  lines"\n',
    'a: b\n  c\n',
    'a: 1\na: 2\n',
    '1: a\n',
    '"a": b\n',
    '? a\n: b\n',
    '%YAML 1.2\n---\na: 1\n',
    'a: 1\n...\n',
    '--- a\n',
    '---\n',
    'a: b: c\n',
    '  a: 1\n',
    'plain\n',
    '- - a\n',
    '\ufeffa: 1\n',
  ])
    assert.equal(composeBlockYaml(text, OPTIONS), undefined, JSON.stringify(text));
});
