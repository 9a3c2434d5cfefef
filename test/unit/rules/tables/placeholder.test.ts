// The placeholder rule's table: a snippet's `<…>` placeholder left untyped is one error, saying
// what to write; values that merely contain angle brackets are the value rules' business.
import { placeholderRule } from '../../../../server/src/service/rules/placeholderRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(placeholderRule, {
  valid: [
    manifest('  - kind: Group\n    group: system:nodes\n'),
    manifest('  - kind: DNS\n    dns: a<b>.example\n'),
    manifest('  - kind: serialnumber\n    serialNumber: "<1f>x"\n'),
  ],
  invalid: [
    {
      name: "the serial snippet's placeholder",
      text: manifest('  - kind: serialnumber\n    serialNumber: "<serial-number>"\n'),
      findings: [
        {
          code: 'placeholder-value',
          range: '8:19-8:36',
          message:
            "`<serial-number>` is a placeholder: replace it with the certificate's serial number in hexadecimal (`openssl x509 -noout -serial`)",
        },
      ],
    },
    {
      name: "the group snippet's placeholder, unquoted",
      text: manifest('  - kind: Group\n    group: <group>\n'),
      findings: [
        {
          code: 'placeholder-value',
          range: '8:12-8:19',
          message:
            '`<group>` is a placeholder: replace it with the group (the O of the certificates to revoke, such as `system:nodes`)',
        },
      ],
    },
    {
      name: "the IP snippet's placeholder",
      text: manifest('  - kind: IP\n    ip: <ip-address>\n'),
      findings: [
        {
          code: 'placeholder-value',
          range: '8:9-8:21',
          message: '`<ip-address>` is a placeholder: replace it with the IP address (such as `10.0.0.1`)',
        },
      ],
    },
  ],
});
