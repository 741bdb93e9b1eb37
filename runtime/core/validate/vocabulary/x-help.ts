import type { KeywordDefinition } from 'ajv/dist/2020';

/** Longer guidance behind a question's "Help" disclosure: plain text, never blank. */
export const xHelp: KeywordDefinition = {
  keyword: 'x-help',
  metaSchema: { type: 'string', pattern: '\\S' },
};
