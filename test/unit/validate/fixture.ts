/** A small definition written to docs/definition-format.md, used by validation and rule tests. */
export function fixtureDefinition() {
  return {
    id: 'fixture-form',
    version: '1.0.0',
    status: 'draft' as const,
    title: 'Fixture',
    source: { document: 'test' },
    changelog: [],
    safety: { gate: 'safeToTalk', drafts: 'local' as const },
    schema: {
      type: 'object',
      properties: {
        childAge: { type: 'integer', minimum: 0, maximum: 17, title: "Child's age", 'x-code': 'child_age' },
        notes: { type: 'string', maxLength: 5000, title: 'Notes', 'x-code': 'notes' },
        referralDate: { type: 'string', format: 'date', title: 'Date of referral', 'x-code': 'referral_date' },
        visitTime: { type: 'string', format: 'time', title: 'Time of visit', 'x-code': 'visit_time' },
        substance: {
          type: 'string',
          title: 'Main substance',
          'x-code': 'substance',
          oneOf: [
            { const: 'alcohol', title: 'Alcohol' },
            { const: 'opiates', title: 'Opiates' },
          ],
        },
        concerns: {
          type: 'array',
          uniqueItems: true,
          title: 'Concerns',
          'x-code': 'concerns',
          items: { type: 'string', oneOf: [{ const: 'housing' }, { const: 'money' }] },
        },
        postcode: { type: 'string', pattern: '^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$', title: 'Postcode', 'x-code': 'postcode' },
        safeToTalk: { type: 'boolean', title: 'Is the person alone and able to talk safely?', 'x-code': 'safe_to_talk' },
        disclosure: { type: 'string', maxLength: 500, title: 'What did they disclose?', 'x-code': 'disclosure', 'x-sensitivity': 'sensitive' },
        usesDrugs: { type: 'boolean', title: 'Uses drugs', 'x-code': 'uses_drugs' },
        drugDetail: { type: 'string', maxLength: 500, title: 'Which drugs', 'x-code': 'drug_detail' },
        children: {
          type: 'array',
          title: 'Children',
          'x-code': 'children',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string', maxLength: 100, title: 'Name', 'x-code': 'child_name' },
              age: { type: 'integer', minimum: 0, title: 'Age', 'x-code': 'child_item_age' },
              atSchool: { type: 'boolean', title: 'At school', 'x-code': 'at_school' },
              school: { type: 'string', maxLength: 100, title: 'School name', 'x-code': 'school' },
            },
            required: ['age', 'school'],
          },
        },
        riskCount: {
          type: 'integer',
          readOnly: true,
          title: 'Number of risks',
          'x-code': 'risk_count',
          'x-computed': { op: 'count', of: ['safeToTalk', 'usesDrugs'], equals: true },
        },
      },
      required: ['childAge', 'referralDate', 'substance', 'safeToTalk', 'drugDetail'],
      allOf: [
        {
          if: { properties: { safeToTalk: { const: true } }, required: ['safeToTalk'] },
          then: { required: ['disclosure'] },
        },
      ],
    },
    uischema: {
      type: 'VerticalLayout',
      elements: [
        { type: 'Control', scope: '#/properties/childAge' },
        { type: 'Control', scope: '#/properties/notes', options: { multi: true } },
        { type: 'Control', scope: '#/properties/referralDate' },
        { type: 'Control', scope: '#/properties/visitTime' },
        { type: 'Control', scope: '#/properties/substance' },
        { type: 'Control', scope: '#/properties/concerns' },
        { type: 'Control', scope: '#/properties/postcode' },
        { type: 'Control', scope: '#/properties/safeToTalk' },
        {
          type: 'Group',
          label: 'Disclosure',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/safeToTalk', schema: { const: true } } },
          elements: [{ type: 'Control', scope: '#/properties/disclosure' }],
        },
        { type: 'Control', scope: '#/properties/usesDrugs' },
        {
          type: 'Control',
          scope: '#/properties/drugDetail',
          rule: { effect: 'SHOW', condition: { scope: '#/properties/usesDrugs', schema: { const: true } } },
        },
        {
          type: 'Control',
          scope: '#/properties/children',
          options: {
            detail: {
              type: 'VerticalLayout',
              elements: [
                { type: 'Control', scope: '#/properties/name' },
                { type: 'Control', scope: '#/properties/age' },
                { type: 'Control', scope: '#/properties/atSchool' },
                {
                  type: 'Control',
                  scope: '#/properties/school',
                  rule: { effect: 'SHOW', condition: { scope: '#/properties/atSchool', schema: { const: true }, failWhenUndefined: true } },
                },
              ],
            },
          },
        },
        { type: 'Control', scope: '#/properties/riskCount' },
      ],
    },
  };
}

export const validAnswers = {
  childAge: 7,
  referralDate: '2026-11-25',
  visitTime: '14:30',
  substance: 'alcohol',
  concerns: ['housing'],
  postcode: 'SW1A 1AA',
  safeToTalk: true,
  disclosure: 'Text',
  usesDrugs: false,
  children: [{ name: 'A', age: 4, atSchool: true, school: 'St Mary' }],
  riskCount: 1,
};
