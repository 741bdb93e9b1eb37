import { uuidV4 } from '../core/index';

/**
 * A random id (response ids, draft slots): core's v4 UUID from `crypto.getRandomValues`, which
 * plain http pages have too. Never Math.random: a guessable response id would let one response be
 * taken for another (test/regressions/19-ids-from-crypto.test.ts keeps it out of every id).
 */
export const randomId: () => string = uuidV4;
