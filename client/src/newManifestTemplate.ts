// The text of "RenewRevocation: New Manifest": the documented example, one entry per way to
// revoke, each with `notBefore` set to the moment the command runs (an entry without it revokes
// future certificates too), and comments that say what each part does.

/** `2020-04-17T17:22:05Z`: RFC 3339 in UTC, whole seconds. */
export function formatInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function newManifestText(now: Date): string {
  const notBefore = `"${formatInstant(now)}"`;
  return `# A RenewRevocation manifest for AKS hybrid: \`kubectl apply -f\` it to revoke certificates.
# Each entry revokes certificates by serial number, group, DNS name or IP address; keep only the
# entries you need and replace their values. notBefore (set to when this file was created)
# limits an entry to certificates issued before that instant: without it, the entry revokes all
# existing AND future matching certificates, and renewed certificates are refused too.
apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: my-renew-revocation
  namespace: kube-system
spec:
  description: My list of renew revocations
  revocations:
  # One certificate, by its serial number in hexadecimal.
  - description: Revoked certificates by serial number
    kind: serialnumber
    notBefore: ${notBefore}
    serialNumber: 77fdf4b1033b387aaace6ce1c18710c2
  # Every certificate whose subject has this O value. system:nodes is every kubelet's client
  # certificate: revoking it stops every node from authenticating.
  - description: Revoked certificates by group
    group: system:nodes
    kind: Group
    notBefore: ${notBefore}
  # Certificates with this DNS name among their subject alternative names.
  - description: Revoked certificates by DNS
    dns: kubernetes.default.svc.
    kind: DNS
    notBefore: ${notBefore}
  # A leading dot makes a suffix: every DNS name ending in .cluster.local.
  - description: Revoked certificates by DNS Suffix
    dns: .cluster.local
    kind: DNS
    notBefore: ${notBefore}
  # Certificates with this IP address among their subject alternative names (no ranges).
  - description: Revoked certificates by IP
    ip: 170.63.128.124
    kind: IP
    notBefore: ${notBefore}
`;
}
