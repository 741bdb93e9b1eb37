/**
 * A JSON Schema of JSON Forms UI schemas (the elements docs/definition-format.md uses), for
 * Monaco's completion and hover. @jsonforms/core ships TypeScript types but no JSON Schema.
 */
const condition = {
  oneOf: [
    {
      type: 'object',
      description: 'Schema-based condition: the rule applies when the value at `scope` matches `schema`.',
      properties: {
        scope: { type: 'string', pattern: '^#(/.*)?$', description: 'JSON pointer fragment of the watched question, e.g. `#/properties/safeToTalk`.' },
        schema: { type: 'object', description: 'Condition schema: const, enum, not, contains, minimum, maximum, minItems, maxItems, minLength, type, properties, required, allOf, anyOf.' },
        failWhenUndefined: { type: 'boolean' },
      },
      required: ['scope', 'schema'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { enum: ['AND', 'OR'] }, conditions: { type: 'array', items: { $ref: '#/$defs/ui-condition' } } },
      required: ['type', 'conditions'],
      additionalProperties: false,
    },
  ],
};

const rule = {
  type: 'object',
  description: 'Show, hide, enable or disable this element depending on an answer.',
  properties: { effect: { enum: ['SHOW', 'HIDE', 'ENABLE', 'DISABLE'] }, condition: { $ref: '#/$defs/ui-condition' } },
  required: ['effect', 'condition'],
  additionalProperties: false,
};

const common = { rule: { $ref: '#/$defs/ui-rule' }, options: { type: 'object' }, i18n: { type: 'string' } };

/** Definitions to merge into the root schema's `$defs` (refs are root-relative, which every JSON tool resolves). */
export const uischemaDefs = {
  'ui-condition': condition,
  'ui-rule': rule,
  'ui-element': {
      type: 'object',
      required: ['type'],
      properties: {
        type: { enum: ['Control', 'Label', 'VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category'], description: 'The kind of UI element.' },
      },
      allOf: [
        {
          if: { properties: { type: { const: 'Control' } } },
          then: {
            properties: {
              ...common,
              type: {},
              scope: { type: 'string', pattern: '^#(/.*)?$', description: 'The question this control shows, e.g. `#/properties/age`.' },
              label: { oneOf: [{ type: 'string' }, { type: 'boolean' }] },
            },
            required: ['scope'],
            additionalProperties: false,
          },
        },
        {
          if: { properties: { type: { const: 'Label' } } },
          then: { properties: { ...common, type: {}, text: { type: 'string', description: 'Guidance text shown to the practitioner.' } }, required: ['text'], additionalProperties: false },
        },
        {
          if: { properties: { type: { enum: ['VerticalLayout', 'HorizontalLayout', 'Group', 'Categorization', 'Category'] } } },
          then: {
            properties: {
              ...common,
              type: {},
              label: { type: 'string', description: 'Heading of a Group or Category (a section).' },
              elements: { type: 'array', items: { $ref: '#/$defs/ui-element' } },
            },
            required: ['elements'],
            additionalProperties: false,
          },
        },
      ],
  },
} as const;

export const uischemaRef = { $ref: '#/$defs/ui-element', description: 'JSON Forms UI schema.' } as const;
