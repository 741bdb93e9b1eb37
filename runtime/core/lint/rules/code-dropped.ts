import { formModel } from '../../model/build';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/**
 * An export code is a promise to hosts: the same code means the same answer in every version.
 * Dropping one is allowed, but only said out loud, in `retired`, with the reason.
 */
export const codeDropped: LintRule = {
  codes: ['code-dropped'],
  docs: 'Every export code of the previous version is kept, or listed in `retired` with a reason.',
  check({ definition, context, model }) {
    if (!context.previous) return [];
    const kept = new Set(model.all.map((q) => q.code));
    const retired = new Set((definition.retired ?? []).map((r) => r.code));
    return formModel(context.previous)
      .all.filter((q) => q.code !== undefined && !kept.has(q.code) && !retired.has(q.code))
      .map((q) => {
        const code = q.code!;
        return lintProblem(
          'code-dropped',
          definition.retired ? '/retired' : '',
          `${named(q)} (export code "${code}") of version ${context.previous!.version} was removed: bring it back, or retire its code with a reason, so exports say why its column ends.`,
          { code, key: q.key, previousVersion: context.previous!.version },
        );
      });
  },
};
