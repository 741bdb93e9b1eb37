import { isObject, own } from '../../model/schema-walk';
import { lintProblem, type LintRule } from '../rule';

/** A form that asks nothing cannot be completed usefully, and publishing it only adds an empty version. */
export const formEmpty: LintRule = {
  codes: ['form-empty'],
  docs: 'A form has at least one question.',
  check({ model }) {
    if (model.questions.length > 0) return [];
    const at = isObject(own(model.schema, 'properties')) ? '/schema/properties' : '/schema';
    return [lintProblem('form-empty', at, 'The form has no questions.')];
  },
};
