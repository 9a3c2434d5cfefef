// Bytes sent as base64 in this server's own requests (a file to decode, a file read through a
// browser client): the service's decoder, which runs in the Node and the browser hosts alike.
import { decodeBase64 } from '../service/index';

/** The bytes of `base64`; throws when it is not base64, which the safe runner reports. */
export function base64Bytes(base64: string): Uint8Array {
  const result = decodeBase64(base64);
  if (!result.ok) throw new Error(`the request's base64 could not be read: ${result.reason}`);
  return result.bytes;
}
