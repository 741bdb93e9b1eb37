import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Sensitive answers at rest: AES-256-GCM (node:crypto), a fresh 96-bit IV per seal, and the
 * response id and version as additional data, so a sealed value moved onto another row or
 * version fails to open instead of passing for that row's answers. The sealed text names the
 * key it was made with (the first bytes of the key's sha256), so a wrong RESPONSES_KEY is an
 * error that says so, never garbage.
 */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SealError extends Error {}

export interface Sealer {
  readonly keyId: string;
  seal(value: unknown, context: string): string;
  open(sealed: string, context: string): unknown;
}

export function sealerFor(key: Uint8Array): Sealer {
  if (key.length !== KEY_BYTES) throw new SealError(`RESPONSES_KEY must be ${KEY_BYTES} bytes (base64), not ${key.length}`);
  const keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return {
    keyId,
    seal(value, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return `v1.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed, context) {
      const [format, id, data] = sealed.split('.');
      if (format !== 'v1' || data === undefined) throw new SealError('a sealed value is not in a known format');
      if (id !== keyId) throw new SealError(`sealed answers were made with key ${id}, not this RESPONSES_KEY (${keyId})`);
      const bytes = Buffer.from(data, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
        return JSON.parse(text) as unknown;
      } catch {
        throw new SealError('sealed answers failed their integrity check (changed, or moved from another response)');
      }
    },
  };
}
