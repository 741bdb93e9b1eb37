import type { KeywordDefinition } from 'ajv/dist/2020';

/** On an option of a choice: the points it adds to a `score` total (a screening tool's 0 to 4). */
export const xScore: KeywordDefinition = {
  keyword: 'x-score',
  metaSchema: { type: 'number' },
};
