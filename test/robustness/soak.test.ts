// A long session with the built server: a manifest of a few thousand entries, then thousands of
// random incremental edits (typing and deleting in values, replacing values, changing a kind's
// case, now and then adding or removing a whole entry) each followed by a hover, as someone
// working through the file would. At the end the server must still answer correctly (its
// diagnostics for the edited document equal those of the same text opened fresh) and its
// resident memory must not have grown without bound. 1,000 edits in `npm test`, 10,000 in
// `npm run fuzz`; the edits are seeded, so a failure repeats.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { HoverRequest, type Diagnostic, type Hover } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../protocol/lspClient';
import { seededRandom } from './hostileCorpus';
import { FUZZING } from './manifestArbitraries';

const EDITS = FUZZING ? 10_000 : 1_000;
const ENTRIES = 3_000;
const HEAD = [
  'apiVersion: certificates.microsoft.com/v1',
  'kind: RenewRevocation',
  'metadata:',
  '  name: soak',
  'spec:',
  '  revocations:',
];

function entryLines(i: number): string[] {
  switch (i % 4) {
    case 0:
      return [
        `  - description: serial ${i}`,
        '    kind: serialnumber',
        '    notBefore: "2020-04-17T17:22:05Z"',
        `    serialNumber: ${(0x10000 + i).toString(16)}aa`,
      ];
    case 1:
      return [
        `  - description: group ${i}`,
        '    kind: Group',
        `    group: team-${i}`,
        '    notBefore: "2020-04-17T17:22:05Z"',
      ];
    case 2:
      return [`  - description: node ${i}`, '    kind: DNS', `    dns: node-${i}.cluster.local`];
    default:
      return [
        `  - description: address ${i}`,
        '    kind: IP',
        `    ip: 10.${(i >> 8) & 255}.${i & 255}.1`,
        '    notBefore: "2020-04-17T17:22:05Z"',
      ];
  }
}

/** Resident memory of a process in bytes, from /proc (Linux). */
function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!kib) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(kib[1]) * 1024;
}

const MIB = 1024 * 1024;

/** User and system CPU seconds of a process, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

test(
  `soak: ${EDITS} random incremental edits and hovers on a ${ENTRIES}-entry manifest; then fresh-equal diagnostics and bounded memory`,
  { timeout: FUZZING ? 1_800_000 : 600_000 },
  async (t) => {
    const client = await LspTestClient.start();
    t.after(() => client.dispose());
    const pid = client.process.pid!;
    const random = seededRandom(2024);
    const pick = (n: number) => Math.floor(random() * n);
    const lines = [...HEAD, ...Array.from({ length: ENTRIES }, (_, i) => entryLines(i)).flat()];
    const uri = 'file:///soak/revocations.yaml';
    let version = 1;
    await client.open(uri, `${lines.join('\n')}\n`, 'yaml', version);
    await client.waitFor('the first diagnostics', () => client.published.find((params) => params.uri === uri), 120_000);

    /** Lines holding a key (`    name: value` or `  - name: value`), by key; known again after a structural edit only. */
    const keyLines = new Map<string, number[]>();
    const linesWith = (key: string): number[] => {
      let found = keyLines.get(key);
      if (!found) {
        const pattern = new RegExp(`^  [ -] ${key}: `);
        found = lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
        keyLines.set(key, found);
      }
      return found;
    };
    const valueColumn = (line: string) => line.indexOf(': ') + 2;

    let started = performance.now();
    let warmRss = 0;
    let hovers = 0;
    let serialHovers = 0;
    let structural = 0;
    for (let step = 0; step < EDITS; step++) {
      if (step === Math.min(500, EDITS / 2)) {
        warmRss = residentBytes(pid);
        started = performance.now();
      }
      const roll = random();
      let change: {
        range: { start: { line: number; character: number }; end: { line: number; character: number } };
        text: string;
      };
      if (roll < 0.005) {
        // Paste a whole new entry before an entry's first line, or cut one out: the structure changes.
        structural++;
        keyLines.clear();
        const starts = lines.flatMap((line, index) => (line.startsWith('  - ') ? [index] : []));
        const at = starts[pick(starts.length)];
        if (random() < 0.5 || starts.length < 10) {
          const added = entryLines(ENTRIES + step);
          lines.splice(at, 0, ...added);
          change = {
            range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } },
            text: `${added.join('\n')}\n`,
          };
        } else {
          let end = at + 1;
          while (end < lines.length && !lines[end].startsWith('  - ')) end++;
          lines.splice(at, end - at);
          change = { range: { start: { line: at, character: 0 }, end: { line: end, character: 0 } }, text: '' };
        }
      } else if (roll < 0.06) {
        // A kind's case flips (kind-case on and off).
        const candidates = linesWith('kind');
        const line = candidates[pick(candidates.length)];
        const column = valueColumn(lines[line]);
        const kind = lines[line].slice(column);
        const flipped =
          kind === kind.toLowerCase()
            ? ({ dns: 'DNS', ip: 'IP', group: 'Group', serialnumber: 'serialnumber' }[kind] ?? kind)
            : kind.toLowerCase();
        lines[line] = lines[line].slice(0, column) + flipped;
        change = {
          range: { start: { line, character: column }, end: { line, character: column + kind.length } },
          text: flipped,
        };
      } else if (roll < 0.2) {
        // Select a value and type another over it (valid or not).
        const key = ['serialNumber', 'dns', 'ip', 'group'][pick(4)];
        const candidates = linesWith(key);
        if (candidates.length === 0) continue;
        const line = candidates[pick(candidates.length)];
        const column = valueColumn(lines[line]);
        const values: Record<string, string[]> = {
          serialNumber: ['77fdf4b1033b387aaace6ce1c18710c2', '"77:FD"', 'zz', '0x1f'],
          // No `*`: an alias character in an entry sends every edit of it to the full parse.
          dns: ['kubernetes.default.svc', '.local', '"wild.cluster.local"', 'a..b'],
          ip: ['10.0.0.1', '10.0.0.0/8', '::1', '999.0.0.1'],
          group: ['system:nodes', 'team-x', 'system:masters'],
        };
        const value = values[key][pick(values[key].length)];
        const oldLength = lines[line].length - column;
        lines[line] = lines[line].slice(0, column) + value;
        change = {
          range: { start: { line, character: column }, end: { line, character: column + oldLength } },
          text: value,
        };
      } else {
        // Type or delete one character in a description.
        const candidates = linesWith('description');
        const line = candidates[pick(candidates.length)];
        const column = valueColumn(lines[line]);
        const length = lines[line].length - column;
        if (random() < 0.7 || length < 3) {
          const at = column + pick(length + 1);
          const char = 'abcxyz 0123'[pick(11)];
          lines[line] = lines[line].slice(0, at) + char + lines[line].slice(at);
          change = { range: { start: { line, character: at }, end: { line, character: at } }, text: char };
        } else {
          const at = column + 1 + pick(length - 1);
          lines[line] = lines[line].slice(0, at) + lines[line].slice(at + 1);
          change = { range: { start: { line, character: at }, end: { line, character: at + 1 } }, text: '' };
        }
      }
      version++;
      await client.change(uri, version, [change]);
      // A hover on a value, as the mouse passes: it reads the model of the version just sent.
      const valueLines = linesWith(['serialNumber', 'dns', 'ip', 'group'][pick(4)]);
      if (valueLines.length > 0) {
        const line = valueLines[pick(valueLines.length)];
        const hover = await client.request<Hover | null>(HoverRequest.method, {
          textDocument: { uri },
          position: { line, character: valueColumn(lines[line]) + 1 },
        });
        hovers++;
        // A well-formed serial always has its facts to show.
        if (/^ {4}serialNumber: [0-9a-f]+$/.test(lines[line])) {
          assert.ok(hover, `no hover on ${lines[line]} (line ${line}, version ${version})`);
          serialHovers++;
        }
      }
    }
    const editing = performance.now() - started;

    const finalText = `${lines.join('\n')}\n`;
    const soaked = await client.waitFor(
      'diagnostics of the last version',
      () => client.published.find((params) => params.uri === uri && params.version === version),
      120_000,
    );
    const freshUri = 'file:///soak/fresh.yaml';
    await client.open(freshUri, finalText);
    const fresh = await client.waitFor(
      'diagnostics of the fresh copy',
      () => client.published.find((params) => params.uri === freshUri),
      120_000,
    );
    await client.close(freshUri);
    const finalRss = residentBytes(pid);
    const serverCpu = cpuSeconds(pid);

    const comparable = (diagnostics: readonly Diagnostic[]) =>
      diagnostics.map(({ code, range, message, relatedInformation }) => ({
        code,
        range,
        message,
        related: relatedInformation?.map((related) => related.location.range),
      }));
    assert.ok(soaked.diagnostics.length > 0);
    assert.deepEqual(
      comparable(soaked.diagnostics),
      comparable(fresh.diagnostics),
      'the edited document and the same text opened fresh get the same diagnostics',
    );
    assert.ok(serialHovers > EDITS / 10, `serial hovers checked: ${serialHovers}`);
    assert.equal(client.logs.filter((log) => log.type === 1).length, 0, 'no handler failed');
    // Generous: twice the warm resident size plus 100 MiB catches a leak of a model (or a text) per
    // version (thousands of versions of a 300 KB text), not the garbage collector's moods.
    assert.ok(
      finalRss < 2 * warmRss + 100 * MIB,
      `resident memory grew from ${Math.round(warmRss / MIB)} MiB to ${Math.round(finalRss / MIB)} MiB`,
    );
    t.diagnostic(
      `${EDITS} edits (${structural} structural) and ${hovers} hovers (${serialHovers} on serials) in ${Math.round(editing / 1000)} s after warm-up; ` +
        `resident ${Math.round(warmRss / MIB)} MiB warm, ${Math.round(finalRss / MIB)} MiB at the end; ${soaked.diagnostics.length} diagnostics; ` +
        `server CPU ${serverCpu} s, test CPU ${Math.round(process.cpuUsage().user / 1e6)} s`,
    );
    assert.equal(await client.shutdown(), 0);
  },
);
