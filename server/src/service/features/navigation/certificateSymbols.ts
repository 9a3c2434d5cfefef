// Workspace symbols (Ctrl+T): the inventory's certificates found by common name (or subject) and
// by serial number. A query matches a name as text (case ignored) and the start of a serial in any spelling
// people copy (`7F:01:02`, `0x7f0102`, leading zeros).
import type { InventoryCertificate } from '../../inventory/inventory';
import { placesOf, type CertificatePlace } from './certificatePlaces';
import type { InventoryContext } from '../inventoryContext';

/** Symbols answered at most per query: an editor lists them, nobody reads 10,000. */
export const CERTIFICATE_SYMBOL_LIMIT = 500;

export interface CertificateSymbol extends CertificatePlace {
  /** `kube-apiserver (serial 7f01…)`: an editor filters on the name, so both parts are in it. */
  name: string;
  /** Where it is, as people read the path. */
  containerName: string;
  isCA: boolean;
}

/** The query as a canonical serial fragment (lowercase hex, no separators, no leading zeros), if it can be one. */
function serialFragment(query: string): string | undefined {
  const hex = query.toLowerCase().replace(/^0x/, '').replace(/[:\s]/g, '');
  if (!/^[0-9a-f]+$/.test(hex)) return undefined;
  return hex.replace(/^0+(?=.)/, '');
}

function matchesQuery({ certificate }: InventoryCertificate, text: string, serial: string | undefined): boolean {
  if (text === '') return true;
  const name = (certificate.commonName ?? certificate.subject).toLowerCase();
  if (name.includes(text) || certificate.subject.toLowerCase().includes(text)) return true;
  return serial !== undefined && certificate.serialNumber.startsWith(serial);
}

export function findCertificateSymbols(query: string, inventory: InventoryContext | undefined): CertificateSymbol[] {
  if (!inventory) return [];
  const text = query.trim().toLowerCase();
  const serial = serialFragment(text);
  const displayPath = inventory.displayPath ?? ((path: string) => path);
  const symbols: CertificateSymbol[] = [];
  for (const entry of inventory.snapshot.certificates) {
    if (!matchesQuery(entry, text, serial)) continue;
    const { certificate } = entry;
    const [place] = placesOf(entry);
    if (!place) continue;
    symbols.push({
      ...place,
      name: `${certificate.commonName ?? certificate.subject} (serial ${certificate.serialNumber})`,
      containerName: displayPath(place.path),
      isCA: certificate.isCA,
    });
    if (symbols.length >= CERTIFICATE_SYMBOL_LIMIT) break;
  }
  return symbols;
}
