import { formModel } from '../model/build';
import type { Definition } from '../definition/envelope';
import type { Problem } from '../problems/problem';
import { lintProblem, type LintRule } from './rule';
import { gateInvalid } from './rules/gate-invalid';
import { ruleInvalid } from './rules/rule-invalid';
import { sensitiveUngated } from './rules/sensitive-ungated';
import { tooManyQuestions } from './rules/too-many-questions';
import { uischemaInvalid } from './rules/uischema-invalid';

/**
 * The lint rules a form is checked against before an embed renders a definition object (`mount()`,
 * `<assessment-form>`, `AssessmentForm`): what the page needs to render it safely. The UI schema's
 * shape (a layout whose `elements` is not an array), its rules, the question limit, and the safety
 * check (a sensitive question shown ungated is the worst harm a form can do). Not all of lint:
 * every rule with zod's envelope would add 64 KB gzip to every embedding page and ~300 ms to the
 * first render of a 1000-question form (test/bench/RESULTS.md); the iframe and practitioner pages,
 * which load from files, and `publish` run all of it.
 */
export const renderRules: readonly LintRule[] = [tooManyQuestions, uischemaInvalid, ruleInvalid, gateInvalid, sensitiveUngated];

/** The render rules' errors for a definition that passed the value checks. */
export function renderProblems(definition: Definition): Problem[] {
  const model = formModel(definition);
  const out: Problem[] = [];
  for (const rule of renderRules) {
    try {
      out.push(...rule.check({ definition, context: {}, model }).filter((p) => p.severity === 'error'));
    } catch (e) {
      out.push(lintProblem('lint-rule-crashed', '', `The lint rule "${rule.codes[0]}" failed: ${e instanceof Error ? e.message : String(e)}.`, { rule: rule.codes[0] }));
    }
    if (out.length && rule === tooManyQuestions) break;
  }
  return out;
}
