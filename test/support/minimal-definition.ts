/** The smallest definition that loads: tests spread it and change the one thing they are about. */
export const minimalDefinition = {
  id: 'example',
  version: '1.0.0',
  status: 'draft',
  title: 'Example',
  source: { document: 'seeds/000.md' },
  schema: { type: 'object', properties: {} },
  uischema: { type: 'VerticalLayout', elements: [] },
};
