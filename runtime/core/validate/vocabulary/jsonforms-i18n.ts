import type { KeywordDefinition } from 'ajv/dist/2020';

/**
 * JSON Forms' own schema keyword: `i18n` names the key its translator is asked for (a question's
 * label, an option's title). Hosts that bring JSON Forms' `i18n` option write it in the schema, so
 * strict mode must know it: an annotation, a string.
 */
export const jsonFormsI18n: KeywordDefinition = { keyword: 'i18n', metaSchema: { type: 'string' } };
