import { CODE_PATTERN } from '../../definition/envelope';
import { lintProblem, type LintRule } from '../rule';
import { own } from '../../model/schema-walk';

export const codeMalformed: LintRule = {
  codes: ['code-malformed'],
  docs: 'An export code must match `^[a-z][a-z0-9_]{1,63}$` (lower case, digits, underscores).',
  check({ model }) {
    return model.all
      .filter((q) => {
        const code = own(q.schema, 'x-code');
        return code !== undefined && (typeof code !== 'string' || !CODE_PATTERN.test(code));
      })
      .map((q) =>
        lintProblem('code-malformed', `${q.pointer}/x-code`, `The export code ${JSON.stringify(own(q.schema, 'x-code'))} of "${q.key}" must match ^[a-z][a-z0-9_]{1,63}$.`, {
          key: q.key,
          code: own(q.schema, 'x-code'),
        }),
      );
  },
};
