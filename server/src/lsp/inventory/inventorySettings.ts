// The settings the workspace inventory reads: `renewRevocation.certificateGlobs` (per folder),
// `renewRevocation.certificatePaths`, `renewRevocation.maxFileSize` (per folder) and the editor's
// `files.exclude`. Mistakes are reported and the default is used in their place, as
// documentSettings.ts does for the service's settings.
import { DEFAULT_SETTINGS } from '../../service/index';

/** The defaults of package.json's `renewRevocation.certificateGlobs` (a unit test holds them equal). */
export const DEFAULT_CERTIFICATE_GLOBS: readonly string[] = [
  '**/*.{pem,crt,cer,der}',
  '**/*.{yaml,yml}',
  '**/kubeconfig*',
  '**/*.kubeconfig',
];

/** Folders never walked, whatever the settings say. */
export const ALWAYS_SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

export interface InventorySettings {
  certificateGlobs: readonly string[];
  certificatePaths: readonly string[];
  maxFileSize: number;
}

export const DEFAULT_INVENTORY_SETTINGS: InventorySettings = {
  certificateGlobs: DEFAULT_CERTIFICATE_GLOBS,
  certificatePaths: [],
  maxFileSize: DEFAULT_SETTINGS.maxFileSize,
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStrings(
  raw: Record<string, unknown>,
  key: 'certificateGlobs' | 'certificatePaths',
  report: (problem: string) => void,
): readonly string[] {
  const value = raw[key];
  const fallback = DEFAULT_INVENTORY_SETTINGS[key];
  if (value === undefined || value === null) return fallback;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.map((item) => item.trim()).filter((item) => item !== '');
  report(
    `renewRevocation.${key} must be a list of strings; found ${JSON.stringify(value)}; using ${JSON.stringify(fallback)}`,
  );
  return fallback;
}

/** The inventory's share of a `renewRevocation` settings object. */
export function readInventorySettings(raw: unknown, report: (problem: string) => void): InventorySettings {
  if (!isObject(raw)) return DEFAULT_INVENTORY_SETTINGS;
  const maxFileSize = raw.maxFileSize;
  return {
    certificateGlobs: readStrings(raw, 'certificateGlobs', report),
    certificatePaths: readStrings(raw, 'certificatePaths', report),
    // documentSettings.ts reports a bad maxFileSize already; here it only falls back.
    maxFileSize:
      typeof maxFileSize === 'number' && Number.isFinite(maxFileSize) && maxFileSize >= 0
        ? maxFileSize
        : DEFAULT_SETTINGS.maxFileSize,
  };
}

/**
 * The patterns of a `files.exclude` object that are on (`true`). Conditional entries
 * (`{ "when": "$(basename).ts" }`) depend on sibling files: they are not applied.
 */
export function readFilesExclude(raw: unknown): string[] {
  if (!isObject(raw)) return [];
  return Object.entries(raw)
    .filter(([, on]) => on === true)
    .map(([pattern]) => pattern);
}
