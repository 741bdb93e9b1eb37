import { config } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, probing for eval when each
 * object schema is built. Under the product's strict CSP (no 'unsafe-eval') that probe is refused
 * and reported as a violation. Interpreted parsing needs no eval. Imported first by each module
 * that builds zod schemas (definition/envelope.ts, response/envelope.ts, embed/protocol.ts), so it
 * runs before any is constructed, and loads only with them (not before an embed's first render).
 */
config({ jitless: true });
