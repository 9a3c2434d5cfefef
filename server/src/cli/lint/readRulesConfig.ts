// `lint --config FILE` (`-`: standard input): severities per code, a JSON object in the shape of the
// `renewRevocation.rules` setting (`{ "missing-not-before": "error", "no-match": "off" }`).
// Any problem (unreadable, not JSON, unknown code or severity) stops the run with exit 2: a CI job
// that silently ignored its configuration would pass for the wrong reason.
import { readFile } from 'node:fs/promises';
import { decodeText, readRules, type SeverityOverride } from '../../service';
import { IoError, ioErrorFor } from '../errors';
import { displayPath, isStdinArgument, readStandardInput } from '../standardInput';

export async function readRulesConfig(
  path: string,
  maxFileSize: number,
): Promise<Partial<Record<string, SeverityOverride>>> {
  let text: string;
  if (isStdinArgument(path)) text = decodeText(await readStandardInput(maxFileSize));
  else {
    try {
      text = decodeText(await readFile(path));
    } catch (error) {
      throw ioErrorFor(path, 'read the config file', error);
    }
  }
  const shown = displayPath(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IoError(`config file '${shown}' is not valid JSON: ${reason}`, shown, { cause: error });
  }
  const { rules, problems } = readRules(value);
  if (problems.length > 0) {
    const details = problems.map((problem) => problem.message).join('; ');
    throw new IoError(`config file '${shown}': ${details}`, shown);
  }
  return rules;
}
