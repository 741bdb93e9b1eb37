import type { KeywordDefinition } from 'ajv/dist/2020';

/** On a single choice: which of its codes mean yes and no, so it can be the safety check. */
export const xYesNo: KeywordDefinition = {
  keyword: 'x-yes-no',
  metaSchema: { type: 'object', properties: { yes: { type: 'string' }, no: { type: 'string' } }, required: ['yes', 'no'], additionalProperties: false },
};
