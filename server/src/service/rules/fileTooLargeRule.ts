// file-too-large: the host, not the engine, reports it (it never reads the file, see
// features/fileTooLarge.ts), so the record has no hooks; it is here for its severity and documentation.
import type { Rule } from './ruleTypes';

export const fileTooLargeRule: Rule = {
  name: 'file-too-large',
  meta: [
    {
      code: 'file-too-large',
      severity: 'information',
      title: 'The file is larger than `renewRevocation.maxFileSize` and was not analysed.',
      docs: ['The file is larger than `renewRevocation.maxFileSize` (default 5 MiB) and was', 'not analysed.'].join(
        '\n',
      ),
    },
  ],
  create: () => ({}),
};
