// The manifest the package tests lint through each way of installing (npm, npx, kubectl,
// pre-commit), and what `renew-revocation lint leaked.yaml` prints for it in text.
export const LEAKED_MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: leaked
  namespace: kube-system
spec:
  revocations:
  - kind: serialnumber
    notBefore: "2020-04-17T17:22:05Z"
    serialNumber: zz-not-hex
`;

export const LEAKED_LINT_TEXT =
  'leaked.yaml\n' +
  '  10:19  error  The serial number `zz-not-hex` is not hexadecimal: `z` is not a hexadecimal digit. Write the serial in hex digits (0-9, a-f), as `openssl x509 -noout -serial` prints it  serial-invalid\n' +
  '\n' +
  '1 problem (1 error, 0 warnings, 0 infos)\n';
