// The validator of SARIF 2.1.0 logs the lint tests check their output against.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

export function sarifValidator() {
  // The SARIF 2.1.0 schema shipped with @microsoft/jest-sarif: draft-04, with a pattern that is
  // not valid as a unicode regular expression.
  const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif')), 'schemas', 'sarif-2.1.0-rtm.5.json');
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}
