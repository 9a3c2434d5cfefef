// Shared by the structure rule tests: the readers of the value rule tests (one service, one
// clock), the structure codes, and the documented example of SPEC §1.
export { applyFix, diagnostics, fixesFor, HEAD, manifest, only, range, service } from './valueFixtures';

export const STRUCTURE_CODES = ['schema', 'unknown-field', 'kind-case', 'field-kind-mismatch'];

/** The documented example of SPEC §1, verbatim. */
export const SPEC_EXAMPLE = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: my-renew-revocation
  namespace: kube-system
spec:
  description: My list of renew revocations
  revocations:
  - description: Revoked certificates by serial number
    kind: serialnumber
    notBefore: "2020-04-17T17:22:05Z"
    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2
  - description: Revoked certificates by group
    group: system:nodes
    kind: Group
  - description: Revoked certificates by DNS
    dns: kubernetes.default.svc.
    kind: DNS
  - description: Revoked certificates by DNS Suffix
    dns: .cluster.local
    kind: DNS
  - description: Revoked certificates by IP
    ip: 170.63.128.124
    kind: IP
`;
