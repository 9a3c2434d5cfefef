// From a found block to its record: certificate, CSR or key by label (or by shape for DER), with
// a short message for anything that does not decode. Clock-free results are what callers cache;
// `withClock` adds the expiry state when one is needed.
import { readCertificateFacts, withExpiry } from './decodeCertificate';
import { decodeCsr } from './decodeCsr';
import type { CertificateFacts, DecodedCsr, DecodedKey, DecodeFailure, DecodeResult } from './decodedTypes';
import { decodeDerKey, decodeKey } from './decodeKey';
import type { ExpiryClock } from './expiry';
import type { FoundBlock } from './findCertificates';

export type BlockDecode =
  { ok: true; record: CertificateFacts | DecodedCsr | DecodedKey } | { ok: false; failure: DecodeFailure };

function failed(kind: DecodeFailure['kind'], error: string): BlockDecode {
  return { ok: false, failure: { kind, error } };
}

function decodeBytes(block: FoundBlock, bytes: Uint8Array): BlockDecode {
  switch (block.kind) {
    case 'certificate': {
      const result = readCertificateFacts(bytes);
      return result.ok ? { ok: true, record: result.facts } : failed('certificate', result.error);
    }
    case 'csr': {
      const result = decodeCsr(bytes);
      return result.ok ? { ok: true, record: result.csr } : failed('csr', result.error);
    }
    case 'key': {
      if (block.label === 'DER') {
        const result = decodeDerKey(bytes);
        return result?.ok
          ? { ok: true, record: result.key }
          : failed(
              'key',
              'not a key this decoder reads (PKCS#8, SEC1, PKCS#1, encrypted PKCS#8 or SubjectPublicKeyInfo)',
            );
      }
      const result = decodeKey(block.label, bytes, block.headers);
      return result.ok ? { ok: true, record: result.key } : failed('key', result.error);
    }
    default:
      return failed('unknown', `\`${block.label}\` blocks are not decoded`);
  }
}

/** The clock-free decode of one block. Never throws. */
export function decodeBlock(block: FoundBlock): BlockDecode {
  if (block.problem !== undefined) return failed(block.kind, block.problem);
  if (block.kind === 'unknown') {
    return failed(
      'unknown',
      block.label === 'DER'
        ? 'not a certificate, a certificate request or a key'
        : `\`${block.label}\` blocks are not decoded`,
    );
  }
  if (!block.bytes) return failed(block.kind, 'the block holds no data');
  try {
    return decodeBytes(block, block.bytes);
  } catch (error) {
    // The decoders catch their own errors; this is the last guard of "never an exception".
    return failed(
      block.kind,
      `does not decode: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

/** With the expiry state of a certificate against `clock`. */
export function withClock(decoded: BlockDecode, clock: ExpiryClock): DecodeResult {
  if (!decoded.ok) return decoded;
  const record = decoded.record;
  return { ok: true, record: record.kind === 'certificate' ? withExpiry(record, clock) : record };
}
