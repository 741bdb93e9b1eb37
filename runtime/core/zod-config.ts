import { config } from 'zod';

/**
 * zod 4 compiles object parsers with `new Function` unless told not to, probing for eval when each
 * object schema is built. Under the product's strict CSP (no 'unsafe-eval') that probe is refused
 * and reported as a violation. Interpreted parsing needs no eval. Imported first by index.ts, so it
 * runs before any schema of core is constructed.
 */
config({ jitless: true });
