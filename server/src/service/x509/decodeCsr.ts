// Certificate requests (PKCS#10): subject, SANs from the extension request, key and signature
// algorithm. Never throws.
import { readCsrSignatureOid, signatureAlgorithmName } from './certificateDer';
import { DerError } from './der';
import { readNameDer } from './derName';
import type { DecodedCsr } from './decodedTypes';
import { readGeneralNames } from './generalNames';
import { keyNote, publicKeyInfo, publicKeySummary } from './keyInfo';
import { commonNameOf, formatName, organizationsOf } from './names';
import { libraryReason, x509, type X509 } from './peculiar';

export type CsrResult = { ok: true; csr: DecodedCsr } | { ok: false; error: string };

function readCsr(der: Uint8Array): DecodedCsr {
  const signatureOid = readCsrSignatureOid(der);
  const request = new (x509().Pkcs10CertificateRequest)(der.slice());
  const subject = readNameDer(new Uint8Array(request.subjectName.toArrayBuffer()));
  if ('error' in subject) throw new DerError(`the subject does not decode: ${subject.error}`);
  const key = publicKeyInfo(new Uint8Array(request.publicKey.rawData), true);
  const keyProblem = keyNote(key);
  const csr: DecodedCsr = {
    kind: 'csr',
    subject: formatName(subject),
    commonName: commonNameOf(subject),
    organizations: organizationsOf(subject),
    dnsNames: [],
    ipAddresses: [],
    otherNames: [],
    invalidSanEntries: [],
    publicKey: publicKeySummary(key),
    signatureAlgorithm: signatureAlgorithmName(signatureOid),
    notes: keyProblem ? [keyProblem] : [],
  };
  let extensions: X509.Extension[] = [];
  try {
    extensions = request.extensions;
  } catch (error) {
    csr.notes.push(`the requested extensions do not decode (${libraryReason(error)})`);
  }
  for (const extension of extensions) {
    if (extension.type !== '2.5.29.17') continue;
    try {
      const names = readGeneralNames(new Uint8Array(extension.value));
      csr.dnsNames.push(...names.dnsNames);
      csr.ipAddresses.push(...names.ipAddresses);
      csr.otherNames.push(...names.otherNames);
      csr.invalidSanEntries.push(...names.invalid);
    } catch (error) {
      csr.notes.push(
        `the requested subjectAltName does not decode (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  return csr;
}

export function decodeCsr(der: Uint8Array): CsrResult {
  try {
    return { ok: true, csr: readCsr(der) };
  } catch (error) {
    if (error instanceof DerError) return { ok: false, error: `not a valid certificate request: ${error.message}` };
    return { ok: false, error: `not a valid certificate request: ${libraryReason(error)}` };
  }
}
