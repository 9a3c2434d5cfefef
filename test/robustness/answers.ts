// What every door (service, server, command line) must answer for a hostile input: the codes the
// corpus names (or nothing at all, where nothing is right), and messages for people.
import assert from 'node:assert/strict';
import type { HostileInput } from './hostileCorpus';

/** A line that starts a stack frame ("    at fn (file:1:2)"). */
export const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

export interface SeenDiagnostic {
  code?: string | number;
  message: string;
  range: unknown;
}

export function assertDiagnosticsAnswer(
  input: HostileInput,
  diagnostics: readonly SeenDiagnostic[],
  door: string,
): void {
  const codes = diagnostics.map((diagnostic) => String(diagnostic.code));
  if (input.codes.length === 0) {
    assert.deepEqual(codes, [], `${input.file} through the ${door}: no diagnostic expected`);
  }
  for (const code of input.codes)
    assert.ok(
      codes.includes(code),
      `${input.file} through the ${door}: expected ${code} among ${codes.join(', ') || 'no diagnostics'}`,
    );
  if (input.message) {
    const message = input.message;
    assert.ok(
      diagnostics.some((diagnostic) => message.test(diagnostic.message)),
      `${input.file} through the ${door}: no message matches ${message}; messages: ${diagnostics.map((diagnostic) => diagnostic.message.slice(0, 200)).join(' | ')}`,
    );
  }
  for (const { message } of diagnostics) assertForPeople(message, `${input.file} through the ${door}`);
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const key = JSON.stringify([diagnostic.code, diagnostic.range, diagnostic.message]);
    assert.ok(!seen.has(key), `${input.file} through the ${door}: the same diagnostic twice: ${key.slice(0, 300)}`);
    seen.add(key);
  }
}

/** A message says something, on its own terms: no stack trace, no leaked object. */
export function assertForPeople(message: string, where: string): void {
  assert.ok(message.trim().length > 0, `${where}: an empty message`);
  assert.doesNotMatch(message, STACK_FRAME, `${where}: a stack trace in a message`);
  assert.doesNotMatch(message, /\[object Object\]|\bundefined\b|\bNaN\b/, `${where}: ${message.slice(0, 300)}`);
}
