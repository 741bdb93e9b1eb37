import { contentHash } from '../definition/hash';
import { randomBytes } from '@noble/hashes/utils.js';
import type { Answers, ResponseEnvelope } from './envelope';

/** A fresh in-progress response to a form. `sha256` defaults to the hash of `definition` as given. @public */
export function newResponse(
  definition: { id: string; version: string },
  options: { responseId?: string; now?: Date; sha256?: string; answers?: Answers } = {},
): ResponseEnvelope {
  const now = (options.now ?? new Date()).toISOString();
  return {
    responseId: options.responseId ?? uuidV4(),
    form: { id: definition.id, version: definition.version, sha256: options.sha256 ?? contentHash(definition) },
    status: 'in-progress',
    startedAt: now,
    updatedAt: now,
    completedAt: null,
    answers: { ...(options.answers ?? {}) },
    meta: {},
  };
}

/** RFC 9562 version 4 UUID from a cryptographic source (WebCrypto in browsers and Node). */
export function uuidV4(): string {
  const b = randomBytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
