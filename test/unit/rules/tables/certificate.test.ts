// The certificate rule's table, over certificate files (the `pem` language) at the fixtures'
// clock: what it reports, exactly, and what it leaves alone.
import { certificateRule } from '../../../../server/src/service/rules/certificateRules';
import { FIXTURE_NOW, fixtureText } from '../../x509/helpers/fixturePki';
import { ruleTester } from '../ruleTester';

ruleTester(certificateRule, {
  languageId: 'pem',
  now: FIXTURE_NOW,
  valid: [fixtureText('leaf-server.crt')],
  invalid: [
    {
      name: 'an expired certificate',
      text: fixtureText('expired.crt'),
      findings: [
        {
          code: 'certificate-expired',
          range: '1:1-1:28',
          message:
            'Certificate `expired.example.com` expired 10 years ago (notAfter 2020-01-01T00:00:00Z): renew or replace it.',
        },
      ],
    },
    {
      name: 'a certificate expiring within expiryWarningDays',
      text: fixtureText('kubelet-client.crt'),
      findings: [
        {
          code: 'certificate-expiring',
          range: '1:1-1:28',
          message:
            'Certificate `system:node:node-1` expires in 14 days (notAfter 2030-06-29T12:00:00Z): plan its renewal.',
        },
      ],
    },
    {
      name: 'a certificate not valid yet',
      text: fixtureText('not-yet-valid.crt'),
      findings: [
        {
          code: 'certificate-not-yet-valid',
          range: '1:1-1:28',
          message:
            "Certificate `future.example.com` is not valid until 2045-01-01T00:00:00Z: clients will reject it before then (check the issuer's clock).",
        },
      ],
    },
    {
      name: 'a block that does not decode',
      text: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      findings: [
        {
          code: 'pem-invalid',
          range: '1:1-1:28',
          message:
            'This CERTIFICATE block does not decode: not a valid certificate: the certificate at byte 0 has tag 0x00, expected 0x30.',
        },
      ],
    },
  ],
});

// Markdown gets hovers only.
ruleTester(certificateRule, {
  languageId: 'markdown',
  now: FIXTURE_NOW,
  valid: [fixtureText('expired.crt')],
  invalid: [],
  partial: true,
});
