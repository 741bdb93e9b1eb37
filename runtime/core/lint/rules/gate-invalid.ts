import type { Problem } from '../../problems/problem';
import { isGated, isSensitive } from '../gate';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/** The safety check must exist, be a yes/no question, not be sensitive itself, and be reachable. */
export const gateInvalid: LintRule = {
  codes: ['gate-invalid'],
  docs: '`safety.gate` must name a top-level yes/no question (a boolean, or a single choice with `x-yes-no`), shown outside the gated sections, whenever the form has sensitive questions.',
  check({ model }) {
    const gate = model.gate?.key;
    const anySensitive = model.all.some(isSensitive);
    if (gate === undefined) {
      return anySensitive
        ? [lintProblem('gate-invalid', '/safety/gate', 'The form has sensitive questions but no safety check: choose a yes/no question as the safety check in the form settings.')]
        : [];
    }
    const question = model.byKey.get(gate);
    if (!question) return [lintProblem('gate-invalid', '/safety/gate', `The safety check “${gate}” is not a question of the form (or sits inside a repeatable group): choose another in the form settings.`, { gate })];
    const problems: Problem[] = [];
    if (!question.yesNo) {
      problems.push(lintProblem('gate-invalid', `${question.pointer}/type`, `The safety check ${named(question)} must be a yes/no question.`, { gate }));
    }
    if (isSensitive(question)) {
      problems.push(lintProblem('gate-invalid', `${question.pointer}/x-sensitivity`, `The safety check ${named(question)} must not itself be sensitive: it is asked before anything sensitive shows.`, { gate }));
    }
    const controls = model.ui.scopes.filter((s) => s.role === 'control' && s.target.kind === 'question' && s.target.question === question);
    if (controls.length > 0 && controls.every((s) => isGated(s.element, model.gate))) {
      problems.push(lintProblem('gate-invalid', controls[0]!.element.pointer, `The safety check ${named(question)} is shown only once it is answered Yes, so it can never be answered.`, { gate }));
    }
    return problems;
  },
};
