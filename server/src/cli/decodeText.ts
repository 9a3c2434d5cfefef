// Bytes from disk to text: the service's own decoding (pure, shared with the inventory reader).
export { decodeText } from '../service/text/decodeText';
