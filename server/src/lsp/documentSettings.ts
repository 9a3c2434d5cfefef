// The `renewRevocation.*` settings of each document. Clients that answer
// `workspace/configuration` are asked per document (scopeUri), so folder settings apply;
// others push their settings with `workspace/didChangeConfiguration`. Answers are cached per
// document until the configuration changes. Mistakes in the settings are logged, once each, and
// the default is used in their place.
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, readRules, type ServiceSettings } from '../service/index';
import { formatError } from './runner';
import type { Logger } from './runtime';

export const SETTINGS_SECTION = 'renewRevocation';

export interface DocumentSettings {
  get(uri: string): Promise<ServiceSettings>;
  /** `pushed` is the `settings` of `workspace/didChangeConfiguration` (null from pull-model clients). */
  onDidChangeConfiguration(pushed: unknown): void;
  onDocumentRemoved(uri: string): void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readCount(
  raw: Record<string, unknown>,
  key: 'expiryWarningDays' | 'maxFileSize',
  report: (problem: string) => void,
): number {
  const value = raw[key];
  if (value === undefined || value === null) return DEFAULT_SETTINGS[key];
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  report(
    `${SETTINGS_SECTION}.${key} must be a number of at least 0; found ${JSON.stringify(value)}; using ${DEFAULT_SETTINGS[key]}`,
  );
  return DEFAULT_SETTINGS[key];
}

/** `renewRevocation.inlayHints.enabled`: a boolean, else the default (and the mistake reported). */
function readInlayHintsEnabled(raw: unknown, report: (problem: string) => void): boolean {
  const value = isObject(raw) ? raw.enabled : raw;
  if (value === undefined || value === null) return DEFAULT_SETTINGS.inlayHints;
  if (typeof value === 'boolean') return value;
  report(
    `${SETTINGS_SECTION}.inlayHints.enabled must be true or false; found ${JSON.stringify(value)}; using ${DEFAULT_SETTINGS.inlayHints}`,
  );
  return DEFAULT_SETTINGS.inlayHints;
}

/** The service settings in a `renewRevocation` settings object, with every problem reported. */
export function readServiceSettings(raw: unknown, report: (problem: string) => void): ServiceSettings {
  if (raw === undefined || raw === null) return DEFAULT_SETTINGS;
  if (!isObject(raw)) {
    report(`${SETTINGS_SECTION} settings must be an object; found ${JSON.stringify(raw)}; using the defaults`);
    return DEFAULT_SETTINGS;
  }
  const { rules, problems } = readRules(raw.rules);
  for (const problem of problems) report(`${SETTINGS_SECTION}.rules: ${problem.message}; this entry is ignored`);
  return {
    rules,
    expiryWarningDays: readCount(raw, 'expiryWarningDays', report),
    maxFileSize: readCount(raw, 'maxFileSize', report),
    inlayHints: readInlayHintsEnabled(raw.inlayHints, report),
  };
}

export function createDocumentSettings(
  connection: Connection,
  supportsConfiguration: boolean,
  logger: Logger,
): DocumentSettings {
  const perDocument = new Map<string, Promise<ServiceSettings>>();
  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    logger.warn(problem);
  };
  let pushedSettings = DEFAULT_SETTINGS;

  async function fetch(uri: string): Promise<ServiceSettings> {
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION });
      return readServiceSettings(raw, report);
    } catch (error) {
      logger.error(
        formatError(`Could not read the ${SETTINGS_SECTION} settings for ${uri}; using the defaults`, error),
      );
      return DEFAULT_SETTINGS;
    }
  }

  return {
    get(uri) {
      if (!supportsConfiguration) return Promise.resolve(pushedSettings);
      let settings = perDocument.get(uri);
      if (!settings) {
        settings = fetch(uri);
        perDocument.set(uri, settings);
      }
      return settings;
    },
    onDidChangeConfiguration(pushed) {
      perDocument.clear();
      reported.clear();
      if (!supportsConfiguration)
        pushedSettings = readServiceSettings(isObject(pushed) ? pushed[SETTINGS_SECTION] : undefined, report);
    },
    onDocumentRemoved(uri) {
      perDocument.delete(uri);
    },
  };
}
