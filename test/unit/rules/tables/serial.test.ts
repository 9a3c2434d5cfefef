// The serial rule's table: what it reports, exactly, and what it leaves alone.
import { serialRule } from '../../../../server/src/service/rules/serialRules';
import { manifest } from '../valueFixtures';
import { ruleTester } from '../ruleTester';

ruleTester(serialRule, {
  valid: [manifest('  - kind: serialnumber\n    serialNumber: "0A1B"\n')],
  invalid: [
    {
      name: 'not hexadecimal',
      text: manifest('  - kind: serialnumber\n    serialNumber: "zz01"\n'),
      findings: [
        {
          code: 'serial-invalid',
          range: '8:19-8:25',
          message:
            'The serial number `zz01` is not hexadecimal: `z` is not a hexadecimal digit. Write the serial in hex digits (0-9, a-f), as `openssl x509 -noout -serial` prints it',
        },
      ],
    },
    {
      name: 'empty',
      text: manifest('  - kind: serialnumber\n    serialNumber:\n'),
      findings: [
        {
          code: 'serial-invalid',
          range: '8:5-8:17',
          message:
            "The serial number is empty: write the certificate's serial number in hexadecimal, like `77fdf4b1033b387aaace6ce1c18710c2`",
        },
      ],
    },
    {
      name: 'a 0x prefix and colons',
      text: manifest('  - kind: serialnumber\n    serialNumber: "0x0A:1B"\n'),
      findings: [
        {
          code: 'serial-not-canonical',
          range: '8:19-8:28',
          message:
            'The serial number `0x0A:1B` has a `0x` prefix and colons: write it in the canonical form `a1b` (hex digits only), as certificates and this extension show it',
          fixes: [
            {
              title: 'Write the serial number as `a1b`',
              preferred: true,
              edits: [['8:19-8:28', '"a1b"']],
            },
          ],
        },
      ],
    },
    {
      name: 'an unquoted number',
      text: manifest('  - kind: serialnumber\n    serialNumber: 0123\n'),
      findings: [
        {
          code: 'serial-number-type',
          range: '8:19-8:23',
          message:
            'YAML reads the unquoted serial number `0123` as the number 123, not the digits written: put it in quotes',
          fixes: [
            {
              title: 'Quote the serial number: `"0123"`',
              preferred: true,
              edits: [['8:19-8:23', '"0123"']],
            },
          ],
        },
      ],
    },
  ],
});
