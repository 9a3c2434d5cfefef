// The ip rule's table: what it reports, exactly, and what it leaves alone.
import { ipRule } from '../../../../server/src/service/rules/ipRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(ipRule, {
  valid: [manifest('  - kind: IP\n    ip: fd00::1\n')],
  invalid: [
    {
      name: 'a CIDR range',
      text: manifest('  - kind: IP\n    ip: 10.0.0.0/8\n'),
      findings: [
        {
          code: 'ip-invalid',
          range: '8:9-8:19',
          message:
            '`10.0.0.0/8` is a CIDR range, and ranges are not supported: an IP entry matches one address. Write one entry per address',
        },
      ],
    },
    {
      name: 'an octet over 255',
      text: manifest('  - kind: IP\n    ip: 10.0.0.300\n'),
      findings: [
        {
          code: 'ip-invalid',
          range: '8:9-8:19',
          message:
            '`10.0.0.300` is not a valid IP address: it is not an IPv4 address (`10.0.0.1`) or an IPv6 address (`fd00::1`)',
        },
      ],
    },
    {
      name: 'a number',
      text: manifest('  - kind: IP\n    ip: 10\n'),
      findings: [
        {
          code: 'ip-invalid',
          range: '8:9-8:11',
          message:
            '`ip` must be text, an IPv4 address such as `10.0.0.1` or an IPv6 address such as `fd00::1`; YAML reads the number 10 here',
        },
      ],
    },
  ],
});
