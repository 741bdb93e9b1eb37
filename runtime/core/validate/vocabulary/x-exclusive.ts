import type { KeywordDefinition } from 'ajv/dist/2020';

/** On a multiple-choice option: ticking it clears the others ("None of these"). */
export const xExclusive: KeywordDefinition = {
  keyword: 'x-exclusive',
  metaSchema: { type: 'boolean' },
};
