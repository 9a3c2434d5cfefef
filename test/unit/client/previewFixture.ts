// A real preview for the webview and export tests: the fixture PKI read through the inventory
// reader (keys included, which must never show), a manifest through the service, and one more
// certificate whose subject, issuer and path are HTML injections.
import { readFileSync } from 'node:fs';
import type { PreviewResult } from '../../../server/src/protocol';
import { createLanguageService } from '../../../server/src/service/languageService';
import { CertificateInventory } from '../../../server/src/service/inventory/inventory';
import { readCertificateFile } from '../../../server/src/service/inventory/readCertificateFile';
import { summary } from '../helpers/certificateSummaries';
import { FIXTURE_NOW, fixtureFiles, fixturePath } from '../x509/helpers/fixturePki';

export const MANIFEST = `apiVersion: certificates.microsoft.com/v1
kind: RenewRevocation
metadata:
  name: html-test
spec:
  revocations:
  - kind: Group
    group: system:nodes
  - kind: DNS
    dns: .cluster.local
    notBefore: "2030-01-01T00:00:00Z"
  - kind: serialnumber
    serialNumber: "01"
  - kind: Group
    group: evil
`;

export const EVIL_SUBJECT_CN = '<script>alert("x")</script>';

export function makePreview(): PreviewResult {
  const inventory = new CertificateInventory();
  for (const name of fixtureFiles()) {
    if (name === 'bulk.pem') continue;
    const path = fixturePath(name);
    inventory.setFile(path, readCertificateFile(path, new Uint8Array(readFileSync(path))));
  }
  const evil = summary({
    name: 'evil',
    commonName: EVIL_SUBJECT_CN,
    organizations: ['evil'],
    issuer: 'CN=<b>issuer</b>&co',
  });
  inventory.setFile('/tmp/"quoted" <dir>/evil.pem', {
    certificates: [{ certificate: evil, index: 0, offset: 0, line: 0 }],
  });
  const service = createLanguageService({ now: () => FIXTURE_NOW });
  const model = service.parse(MANIFEST, 'yaml');
  const preview = service.previewRevocation(model, { snapshot: inventory.snapshot() });
  return {
    ...preview,
    uri: 'file:///work/manifests/revoke.yaml',
    documentVersion: 1,
    inventoryVersion: inventory.version,
    scanning: false,
    entryLocations: service.previewEntryLocations(model, preview),
    keptTotal: preview.kept.length,
    keptOffset: 0,
  };
}
