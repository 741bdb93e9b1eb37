import type { KeywordDefinition } from 'ajv/dist/2020';
import { CODE_PATTERN } from '../../definition/extension-values';

/** A question's export code: the column CSV writes and the link FHIR keeps (docs/definition-format.md). */
export const xCode: KeywordDefinition = {
  keyword: 'x-code',
  metaSchema: { type: 'string', pattern: CODE_PATTERN.source },
};
