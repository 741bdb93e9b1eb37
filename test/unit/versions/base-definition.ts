import { contentHash, type Definition, type ResponseEnvelope } from '../../../runtime/core/index';

/**
 * A small form with one of everything the versions code looks at: a safety gate, a sensitive
 * question required through the gate, choices, a date, a repeatable group, sections, guidance
 * labels and a follow-up rule. Tests copy it and change one thing at a time.
 */
export function baseDefinition(): Definition {
  return structuredClone({
    id: 'versions-example',
    version: '1.0.0',
    status: 'draft',
    title: 'Versions example',
    description: 'A form for the versions tests.',
    source: { document: 'seeds/000-example.md', section: '§1' },
    changelog: [],
    safety: { gate: 'safeToTalk', drafts: 'local' },
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 500, title: 'Name of the person', 'x-code': 'person_name' },
        age: { type: 'integer', minimum: 0, maximum: 120, title: 'Age', 'x-code': 'person_age' },
        relationship: {
          type: 'string',
          title: 'Relationship to the child',
          'x-code': 'relationship',
          oneOf: [
            { const: 'parent', title: 'Parent' },
            { const: 'carer', title: 'Carer' },
            { const: 'other', title: 'Other' },
          ],
        },
        concerns: {
          type: 'array',
          uniqueItems: true,
          title: 'Concerns',
          'x-code': 'concerns',
          items: { type: 'string', oneOf: [{ const: 'alcohol', title: 'Alcohol' }, { const: 'drugs', title: 'Drugs' }] },
        },
        concernsOther: { type: 'string', maxLength: 500, title: 'Other concerns', 'x-code': 'concerns_other', description: 'Say what else worries you.' },
        seenOn: { type: 'string', format: 'date', title: 'Date seen', 'x-code': 'seen_on' },
        safeToTalk: { type: 'boolean', title: 'Is the person alone and able to talk safely?', 'x-code': 'safe_to_talk' },
        afraidPartner: {
          type: 'boolean',
          title: 'Are you afraid of your partner?',
          'x-code': 'afraid_partner',
          'x-sensitivity': 'special-category',
          'x-help': 'Ask gently.',
        },
        children: {
          type: 'array',
          title: 'Children',
          'x-code': 'children',
          items: {
            type: 'object',
            properties: {
              childName: { type: 'string', maxLength: 200, title: 'Child name', 'x-code': 'child_name' },
              childAge: { type: 'integer', minimum: 0, maximum: 25, title: 'Child age', 'x-code': 'child_age' },
            },
            required: ['childName'],
          },
        },
      },
      required: ['name', 'safeToTalk'],
      allOf: [{ if: { properties: { safeToTalk: { const: true } }, required: ['safeToTalk'] }, then: { required: ['afraidPartner'] } }],
    },
    uischema: {
      type: 'Categorization',
      elements: [
        {
          type: 'Category',
          label: 'About you',
          elements: [
            { type: 'Label', text: 'Ask each question in turn.' },
            { type: 'Control', scope: '#/properties/name' },
            { type: 'Control', scope: '#/properties/age' },
            { type: 'Control', scope: '#/properties/relationship' },
            { type: 'Control', scope: '#/properties/concerns' },
            {
              type: 'Control',
              scope: '#/properties/concernsOther',
              rule: { effect: 'SHOW', condition: { scope: '#/properties/concerns', schema: { contains: { const: 'drugs' } } } },
            },
            { type: 'Control', scope: '#/properties/seenOn' },
            {
              type: 'Control',
              scope: '#/properties/children',
              options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/childName' }, { type: 'Control', scope: '#/properties/childAge' }] } },
            },
          ],
        },
        {
          type: 'Category',
          label: 'Safety',
          elements: [
            { type: 'Control', scope: '#/properties/safeToTalk' },
            {
              type: 'Group',
              label: 'Your relationship',
              rule: { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: true } } },
              elements: [{ type: 'Control', scope: '#/properties/afraidPartner' }],
            },
          ],
        },
      ],
    },
  }) as Definition;
}

type Props = Record<string, Record<string, unknown>>;

/** A copy of `definition` changed by `edit`, which gets the schema's properties and the whole copy. */
export function changed(definition: Definition, edit: (props: Props, d: Definition & { schema: { properties: Props; required: string[] } }) => void): Definition {
  const copy = structuredClone(definition) as Definition & { schema: { properties: Props; required: string[] } };
  edit(copy.schema.properties, copy);
  return copy;
}

/** An in-progress response to `definition` with these answers. */
export function responseFor(definition: Definition, answers: Record<string, unknown>, meta?: Record<string, unknown>): ResponseEnvelope {
  return {
    responseId: 'r-1',
    form: { id: definition.id, version: definition.version, sha256: contentHash(definition) },
    status: 'in-progress',
    startedAt: '2026-11-25T10:00:00Z',
    updatedAt: '2026-11-25T10:05:00Z',
    answers,
    ...(meta ? { meta } : {}),
  };
}
