import type { KeywordDefinition } from 'ajv/dist/2020';

const questionKeys = { type: 'array', minItems: 1, items: { type: 'string' } };

/**
 * A value the runtime derives from other answers (runtime/core/rules/computed.ts): how many of them
 * equal a value, or their sum. Only the shape is checked here; lint checks the keys name questions.
 */
export const xComputed: KeywordDefinition = {
  keyword: 'x-computed',
  metaSchema: {
    oneOf: [
      { type: 'object', properties: { op: { const: 'count' }, of: questionKeys, equals: true }, required: ['op', 'of', 'equals'], additionalProperties: false },
      { type: 'object', properties: { op: { const: 'sum' }, of: questionKeys }, required: ['op', 'of'], additionalProperties: false },
    ],
  },
};
