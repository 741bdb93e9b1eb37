import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/**
 * A control scoped to a whole object question shows nothing: an object is shown through its
 * questions, each by a control scoped into it (usually inside a Group carrying the object's rule).
 * JSON Forms would draw a generated form for it; we do not, so the author is told at the control,
 * and question-not-shown leaves the object's questions to this problem.
 */
export const controlObject: LintRule = {
  codes: ['control-object'],
  docs: 'A control is scoped to a whole object (a group of answers): it shows nothing. Show the object\'s questions with controls scoped into it.',
  check({ model }) {
    return model.ui
      .scopes.filter((s) => s.role === 'control' && s.target.kind === 'question' && s.target.question.kind === 'object')
      .map((s) => {
        const object = s.target.kind === 'question' ? s.target.question : undefined;
        const first = object?.children?.[0];
        const example = first ? ` (such as ${named(first)})` : '';
        return lintProblem(
          'control-object',
          s.pointer,
          `This control is for ${object ? named(object) : 'an object'}, a group of answers, so it shows nothing: give each of its questions${example} a control of its own, inside a Group.`,
          { key: object?.key ?? '' },
        );
      });
  },
};
