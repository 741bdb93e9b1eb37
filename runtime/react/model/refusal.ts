import { checkGivenAnswers, type Problem } from '../../core/index';
import type { BriefProblem, FormError, Notice } from './formOptions';
import { safeCopy } from './store';

/**
 * What a form says when what it was given fails the checks (core's `checkDefinition`,
 * `checkGivenAnswers`): the host hears a code and the first problems, the page shows them.
 */

/** The host hears at most this many problems; the page lists fewer (the first ones name the fix). */
const HOST_PROBLEMS = 20;
export const SHOWN_PROBLEMS = 5;

export function briefProblems(problems: readonly Problem[], max = HOST_PROBLEMS): BriefProblem[] {
  return problems.slice(0, max).map(({ code, path, message }) => ({ code, path, message }));
}

export function definitionRefused(problems: readonly Problem[]): FormError {
  return { code: 'definition-refused', message: 'This form cannot be shown: its definition failed the checks.', problems: briefProblems(problems) };
}

/** Null when the answers may be used; otherwise the notice the form shows and the host's error. */
export function answersRefusal(value: unknown): { notice: Notice; error: FormError } | null {
  // A top-level forbidden key is dropped by the store, as it always was (neutralised, not refused).
  const problems = checkGivenAnswers(safeCopy(value));
  if (!problems.length) return null;
  const first = problems[0]!;
  return {
    notice: { kind: 'answers-refused', text: `The saved answers could not be used (${first.code} at ${first.path || 'the top level'}), so the form starts empty.` },
    error: { code: 'answers-refused', message: 'The answers given failed the checks and were not used.', problems: briefProblems(problems) },
  };
}
