import type { KeywordDefinition } from 'ajv/dist/2020';

const questionKeys = { type: 'array', minItems: 1, items: { type: 'string' } };
const band = {
  type: 'object',
  properties: { code: { type: 'string' }, title: { type: 'string' }, min: { type: 'integer' }, max: { type: 'integer' } },
  required: ['code', 'title'],
  additionalProperties: false,
};

/**
 * A value the runtime derives from other answers (runtime/core/rules/computed.ts): how many of them
 * equal a value, their sum, the sum of their options' scores, the band a total falls in, or a count
 * or sum over a repeatable group's items. Only the shape is checked here; lint checks what it names.
 */
export const xComputed: KeywordDefinition = {
  keyword: 'x-computed',
  metaSchema: {
    oneOf: [
      { type: 'object', properties: { op: { const: 'count' }, of: questionKeys, equals: true }, required: ['op', 'of', 'equals'], additionalProperties: false },
      { type: 'object', properties: { op: { enum: ['sum', 'score'] }, of: questionKeys }, required: ['op', 'of'], additionalProperties: false },
      { type: 'object', properties: { op: { const: 'band' }, of: { type: 'string' }, bands: { type: 'array', minItems: 1, items: band } }, required: ['op', 'of', 'bands'], additionalProperties: false },
      { type: 'object', properties: { op: { const: 'count' }, items: { type: 'string' }, where: { type: 'object' } }, required: ['op', 'items'], additionalProperties: false },
      { type: 'object', properties: { op: { const: 'sum' }, items: { type: 'string' }, field: { type: 'string' } }, required: ['op', 'items', 'field'], additionalProperties: false },
    ],
  },
};
