import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/**
 * A retired code keeps its old meaning for ever in the data hosts already hold, so it can never
 * name a question again: neither one retired by this version nor by the previous one.
 */
export const codeReused: LintRule = {
  codes: ['code-reused'],
  docs: 'An export code listed in `retired` (of this version or the previous one) is never used again.',
  check({ definition, context, model }) {
    const retired = new Map<string, string>();
    for (const r of context.previous?.retired ?? []) retired.set(r.code, `retired in ${context.previous!.version}`);
    for (const r of definition.retired ?? []) retired.set(r.code, 'retired in this version');
    const problems: Problem[] = [];
    for (const q of model.all) {
      const code = q.code;
      if (code === undefined || !retired.has(code)) continue;
      problems.push(lintProblem('code-reused', `${q.pointer}/x-code`, `The export code "${code}" of ${named(q)} was ${retired.get(code)}: a retired code never names a question again; choose a new one.`, { code }));
    }
    return problems;
  },
};
