import type { KeywordDefinition } from 'ajv/dist/2020';

/**
 * `$anchor` is core draft 2020-12 and AJV resolves references to it, but AJV 8 never registers it as
 * a keyword, so strict mode calls it unknown (ajv-validator/ajv#1854). Declared here, with no code:
 * the meta-schema already checks its shape, and runtime/core/safety its use.
 */
export const anchor: KeywordDefinition = { keyword: '$anchor' };
