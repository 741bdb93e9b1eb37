import type { Problem } from '../../problems/problem';
import { repeats } from '../repeats';
import { lintProblem, type LintRule } from '../rule';
import { named } from '../wording';

/** Labels that differ only in case or spacing read the same to a practitioner. */
const sameReading = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Two options worded alike cannot be told apart by the practitioner choosing. A warning, not an
 * error: the answers stay distinct. Options that also share a code are option-code-duplicate's.
 */
export const optionLabelDuplicate: LintRule = {
  codes: ['option-label-duplicate'],
  docs: 'The options of one question are worded differently (ignoring case and spacing).',
  check({ model }) {
    const problems: Problem[] = [];
    for (const q of model.all) {
      const codeRepeats = new Set(repeats(q.options, (o) => o.code).map((r) => r.again));
      for (const { first, again } of repeats(q.options, (o) => sameReading(o.label))) {
        if (codeRepeats.has(again)) continue;
        problems.push(
          lintProblem('option-label-duplicate', again.labelPointer ?? again.pointer, `The option “${again.label.trim()}” of ${named(q)} is worded like the option “${first.label.trim()}” (coded "${first.code}"): practitioners cannot tell them apart.`, {
            key: q.key,
            label: again.label,
            first: first.pointer,
          }),
        );
      }
    }
    return problems;
  },
};
