import type { KeywordDefinition } from 'ajv/dist/2020';
import { LEVEL_NAME_MAX, LEVEL_NAME_PATTERN } from '../../definition/extension-values';

/**
 * Names the sensitivity level of an answer (built-in or declared in the envelope's
 * `sensitivityLevels`, which the schema alone cannot see: lint's `sensitivity-unknown` checks the
 * name against the form's table). Here only its shape: a kebab-case name.
 */
export const xSensitivity: KeywordDefinition = {
  keyword: 'x-sensitivity',
  metaSchema: { type: 'string', pattern: LEVEL_NAME_PATTERN.source, maxLength: LEVEL_NAME_MAX },
};
