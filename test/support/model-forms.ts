/**
 * Small definitions for what the runtime reads from core's form model (issue 15): plain JSON, so
 * unit tests use them as they are and browser tests can hand them to a page.
 */

/** What every definition carries besides its questions. */
const envelope = (id: string, title: string) => ({ id, version: '1.0.0', status: 'draft', title, source: { document: 'test' }, changelog: [] });

/** Questions written as `$ref`s to shared shapes, and a date-time question. */
export const refAndDateTimeForm = {
  ...envelope('model-questions', 'Questions from the model'),
  schema: {
    type: 'object',
    $defs: {
      yesNo: { type: 'boolean' },
      level: { type: 'string', oneOf: [{ const: 'low', title: 'Low' }, { const: 'high', title: 'High' }] },
      note: { type: 'string', maxLength: 2000 },
    },
    properties: {
      seen: { $ref: '#/$defs/yesNo', title: 'Was the child seen?', 'x-code': 'child_seen', 'x-sensitivity': 'sensitive' },
      risk: { $ref: '#/$defs/level', title: 'Level of risk', 'x-code': 'risk_level' },
      note: { $ref: '#/$defs/note', title: 'Notes', 'x-code': 'notes' },
      visitAt: { type: 'string', format: 'date-time', title: 'When was the visit?', 'x-code': 'visit_at' },
    },
    required: ['seen', 'visitAt'],
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/seen' },
      { type: 'Control', scope: '#/properties/risk' },
      { type: 'Control', scope: '#/properties/note', options: { multi: true } },
      { type: 'Control', scope: '#/properties/visitAt' },
    ],
  },
};

/** A repeatable group whose item wording has Welsh translations, the items behind a `$ref`. */
export const groupWordingForm = {
  ...envelope('group-wording', 'Group wording'),
  schema: {
    type: 'object',
    $defs: {
      child: {
        type: 'object',
        properties: {
          name: { type: 'string', title: 'Name', description: 'Their first name', 'x-help': 'As they say it', 'x-code': 'child_name' },
          school: { type: 'string', title: 'School', 'x-code': 'child_school', oneOf: [{ const: 'primary', title: 'Primary' }, { const: 'secondary', title: 'Secondary' }] },
        },
        required: ['name'],
      },
    },
    properties: {
      children: { type: 'array', title: 'Children', 'x-code': 'children', items: { $ref: '#/$defs/child' } },
    },
  },
  uischema: {
    type: 'VerticalLayout',
    elements: [{ type: 'Control', scope: '#/properties/children', options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/school' }, { type: 'Control', scope: '#/properties/name' }] } } }],
  },
  translations: {
    cy: {
      '/schema/properties/children/title': 'Plant',
      '/schema/$defs/child/properties/name/title': 'Enw',
      '/schema/$defs/child/properties/name/description': 'Eu henw cyntaf',
      '/schema/$defs/child/properties/name/x-help': 'Fel maen nhw’n ei ddweud',
      '/schema/$defs/child/properties/school/title': 'Ysgol',
      '/schema/$defs/child/properties/school/oneOf/0/title': 'Cynradd',
    },
  },
};
