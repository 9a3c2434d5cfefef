// The top self-time functions of a V8 CPU profile (`node --cpu-prof`): where a missed target's
// time goes, without opening DevTools.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  ms: number;
  percent: number;
}

/** Where a frame of a bundle (dist/server.js, out/bench/…) comes from, through the bundle's linked source map. */
function placeResolver(repoRoot: string): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const mapFile = `${file}.map`;
      maps.set(file, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : undefined);
    }
    return maps.get(file);
  };
  return (frame) => {
    if (!frame.url.startsWith('file://')) return frame.url;
    const file = fileURLToPath(frame.url);
    const entry = mapOf(file)?.findEntry(frame.lineNumber, frame.columnNumber) as
      { originalSource?: string; originalLine?: number } | undefined;
    if (entry?.originalSource) {
      const source = entry.originalSource.startsWith('file://')
        ? fileURLToPath(entry.originalSource)
        : resolve(dirname(file), entry.originalSource);
      return `${relative(repoRoot, source)}:${(entry.originalLine ?? 0) + 1}`;
    }
    return `${relative(repoRoot, file)}:${frame.lineNumber + 1}`;
  };
}

/** Self time per function (name, file, line), biggest first. */
export function selfTimes(profile: CpuProfile, repoRoot: string): { totalMs: number; top: SelfTime[] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const place = placeResolver(repoRoot);
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const frame = nodes.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url ? place(frame) : '';
    const name = `${frame.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    total += delta;
  });
  const top = [...byFunction]
    .map(([name, micros]) => ({ name, ms: micros / 1000, percent: total ? (100 * micros) / total : 0 }))
    .sort((a, b) => b.ms - a.ms);
  return { totalMs: total / 1000, top };
}

export function summarizeProfile(path: string, repoRoot: string, count = 15): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const { totalMs, top } = selfTimes(profile, repoRoot);
  const lines = [`${relative(repoRoot, path)}: ${(totalMs / 1000).toFixed(2)} s sampled`];
  for (const entry of top.slice(0, count))
    lines.push(`  ${entry.ms.toFixed(0).padStart(7)} ms ${entry.percent.toFixed(1).padStart(5)}%  ${entry.name}`);
  return lines.join('\n');
}

/** Every .cpuprofile under a folder. */
export function findProfiles(folder: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) found.push(...findProfiles(path));
    else if (name.endsWith('.cpuprofile')) found.push(path);
  }
  return found.sort();
}
