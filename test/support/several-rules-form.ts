/**
 * A form whose answers can break several rules at once (issue 16, point 4): a reference with a
 * minimum length and a pattern, and a list of substances whose items must be known options, each
 * chosen once. Unit, browser and command-line tests read the same definition.
 */
export function severalRulesForm(extra: Record<string, Record<string, unknown>> = {}) {
  return {
    id: 'several-rules',
    version: '1.0.0',
    status: 'draft' as const,
    title: 'Several rules',
    source: { document: 'test' },
    changelog: [{ version: '1.0.0', date: '2026-12-05', summary: 'First version: one question with two rules, for the several-errors test.' }],
    schema: {
      type: 'object',
      properties: {
        reference: { type: 'string', title: 'Reference', minLength: 6, pattern: '^[A-Z]+$', 'x-code': 'reference' },
        substances: {
          type: 'array',
          title: 'Substances',
          uniqueItems: true,
          items: { type: 'string', enum: ['alcohol', 'opiates', 'cannabis'] },
          'x-code': 'substances',
        },
        ...extra,
      },
    },
    uischema: {
      type: 'VerticalLayout',
      elements: ['reference', 'substances', ...Object.keys(extra)].map((key) => ({ type: 'Control', scope: `#/properties/${key}` })),
    },
  };
}
