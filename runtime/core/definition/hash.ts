import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * RFC 8785 canonical JSON and its sha256. Synchronous (unlike WebCrypto) so lint, load and
 * the CLI can check hashes inline, the same in the browser and in Node.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value cannot be represented as canonical JSON');
  return text;
}

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The content hash of a definition (or any JSON value): sha256 of its canonical JSON, in hex. */
export function contentHash(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
