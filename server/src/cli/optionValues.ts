// Reading option values for every subcommand: a choice among fixed words, a count, a string.
// A bad value is a UsageError that names the option and what it accepts.
import { UsageError } from './errors';

/** The values node:util parseArgs returns. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    const last = value[value.length - 1];
    return typeof last === 'string' ? last : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

export function stringListOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

export function flagOption(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function choiceOption<T extends string>(
  values: OptionValues,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = stringOption(values, name);
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}; found '${value}'`);
}

export function countOption(values: OptionValues, name: string): number | undefined {
  const value = stringOption(values, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--${name} expects a whole number of 0 or more; found '${value}'`);
  }
  return Number(value);
}
