// The syntax rule's table: what it reports, exactly, and what it leaves alone.
import { syntaxRule } from '../../../../server/src/service/rules/syntaxRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(syntaxRule, {
  valid: [
    manifest('  - kind: DNS\n    dns: a.example\n    notBefore: "2020-01-01T00:00:00Z"\n'),
    'kind: ConfigMap\ndata: [\n',
  ],
  invalid: [
    {
      name: 'an unclosed flow mapping',
      text: manifest('  - {kind: DNS, dns: a.example\n'),
      findings: [
        {
          code: 'yaml-syntax',
          range: '7:30-7:31',
          message: 'YAML syntax: Flow map in block collection must be sufficiently indented and end with a }',
        },
      ],
    },
  ],
});
