// SubjectAltName (GeneralNames) from the extension's DER value: DNS names as written, IP
// addresses canonical, the other kinds as `email:…`, `URI:…`, `DirName:…` for people. A dNSName
// or iPAddress that holds no DNS name or address goes to `invalid` instead (sanEntries.ts), so
// that the lists matching reads hold only real names and addresses.
// Read from the bytes rather than through `@peculiar/x509`'s GeneralName, which throws on name
// types it does not know (an otherName other than UPN/GUID) and would lose the DNS names with it.
import { canonicalIpFromBytes } from '../values/ip';
import { contentBytes, DerReader, readLatin1, readOid, TAG } from './der';
import type { InvalidSanEntry } from './decodedTypes';
import { readDistinguishedName } from './derName';
import { formatName } from './names';
import { invalidDnsName, invalidIpAddress, isAscii } from './sanEntries';

export interface SubjectAltNames {
  dnsNames: string[];
  ipAddresses: string[];
  otherNames: string[];
  invalid: InvalidSanEntry[];
}

/** Reads GeneralNames; throws DerError on malformed DER. */
export function readGeneralNames(value: Uint8Array): SubjectAltNames {
  const names: SubjectAltNames = { dnsNames: [], ipAddresses: [], otherNames: [], invalid: [] };
  const list = DerReader.inside(value, DerReader.of(value).expect(TAG.SEQUENCE, 'the alternative names'));
  while (!list.done) {
    const name = list.next('an alternative name');
    switch (name.tag) {
      case 0x82: {
        const bytes = contentBytes(value, name);
        if (isAscii(bytes)) names.dnsNames.push(readLatin1(value, name));
        else names.invalid.push(invalidDnsName(bytes));
        break;
      }
      case 0x87: {
        const bytes = contentBytes(value, name);
        const address = canonicalIpFromBytes(bytes);
        if (address !== undefined) names.ipAddresses.push(address);
        else names.invalid.push(invalidIpAddress(bytes));
        break;
      }
      case 0x81:
        names.otherNames.push(`email:${readLatin1(value, name)}`);
        break;
      case 0x86:
        names.otherNames.push(`URI:${readLatin1(value, name)}`);
        break;
      case 0xa4: {
        const inner = DerReader.inside(value, name);
        names.otherNames.push(
          `DirName:${formatName(readDistinguishedName(value, inner.expect(TAG.SEQUENCE, 'a directory name'), 'directory name'))}`,
        );
        break;
      }
      case 0xa0: {
        const inner = DerReader.inside(value, name);
        names.otherNames.push(`othername:${readOid(value, inner.expect(TAG.OID, 'an other-name type'))}`);
        break;
      }
      case 0x88:
        names.otherNames.push(`Registered ID:${readOid(value, name)}`);
        break;
      default:
        names.otherNames.push(`name of tag 0x${name.tag.toString(16)}`);
    }
  }
  return names;
}
