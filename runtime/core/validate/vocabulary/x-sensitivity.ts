import type { KeywordDefinition } from 'ajv/dist/2020';
import { sensitivities } from '../../definition/extension-values';

/** Marks special-category answers, which an export profile can leave out and the safety gate must guard. */
export const xSensitivity: KeywordDefinition = {
  keyword: 'x-sensitivity',
  metaSchema: { enum: [...sensitivities] },
};
