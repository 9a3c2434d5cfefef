// The quick pick of "Revoke Certificate…" from the palette: every certificate of the inventory,
// searchable by CN, serial, SAN, group and file (all of them are in the label, description or
// detail, which the quick pick filters on). A certificate that cannot be revoked says so.
import { window, type QuickPickItem } from 'vscode';
import type { CertificateItem } from '../../../server/src/protocol';

interface CertificatePick extends QuickPickItem {
  certificate: CertificateItem;
}

function toPick(certificate: CertificateItem): CertificatePick {
  const sans = [...certificate.dnsNames, ...certificate.ipAddresses];
  const facts = [
    certificate.groups.length > 0 ? `groups ${certificate.groups.join(', ')}` : undefined,
    sans.length > 0 ? `SAN ${sans.join(', ')}` : undefined,
    certificate.paths.join(', '),
  ].filter((fact): fact is string => fact !== undefined && fact !== '');
  const warning = certificate.notRevocable
    ? ' (kubelet serving certificate: cannot be revoked)'
    : certificate.isCA
      ? ' (CA certificate)'
      : '';
  return {
    label: certificate.name,
    description: `serial ${certificate.serialNumber}${warning}`,
    detail: facts.join(' · '),
    certificate,
  };
}

/** One certificate: chosen at once when there is only one, else from the quick pick. */
export async function pickCertificate(
  certificates: readonly CertificateItem[],
  search: string | undefined,
): Promise<CertificateItem | undefined> {
  if (certificates.length === 0) {
    void window.showWarningMessage('RenewRevocation: no certificate found to revoke.');
    return undefined;
  }
  if (certificates.length === 1) return certificates[0];
  const quickPick = window.createQuickPick<CertificatePick>();
  quickPick.title = 'Revoke Certificate';
  quickPick.placeholder = 'Search by CN, serial, SAN, group or file';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.items = certificates.map(toPick);
  if (search) quickPick.value = search;
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.certificate);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
