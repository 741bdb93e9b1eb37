import { getAtPointer } from '../../model/pointers';
import { own } from '../../model/schema-walk';
import type { Problem } from '../../problems/problem';
import { visibleText } from '../../safety/characters';
import { lintProblem, type LintRule } from '../rule';
import { isRecordedPublished } from '../recorded';
import { named } from '../wording';

/**
 * Wordings that rule out every other tick ("No one else", "None known", "Not discussed yet",
 * "Prefer not to say"). Deliberately narrow: "No exposure to drug taking" is a factor like the
 * others, and a pattern that caught it would teach authors to ignore the warning.
 */
const READS_EXCLUSIVE = /^(none|no one|nobody|nothing|not (yet|known|applicable|discussed)|n\/a|prefer not to (say|answer))\b/i;

/**
 * A multiple choice's "No one else" that can be ticked with "A parent" records an answer that
 * contradicts itself, and the data team cannot tell which tick is wrong. The runtime makes an
 * option exclusive when its code is `none` or it says `x-exclusive: true`; an option worded like
 * one that is neither is reported, unless it says `x-exclusive: false`. A published version cannot
 * change, so it is left to the new version that fixes it (as rule-shows-unanswered is).
 */
export const optionReadsExclusive: LintRule = {
  codes: ['option-reads-exclusive'],
  docs: 'An option of a multiple choice worded to rule out the others ("None", "No one else", "Not known", "Prefer not to say") is exclusive: `x-exclusive: true`, or `false` to say it is meant to be ticked with others. Not reported for a published version with its hash recorded.',
  check({ model, definition, context }) {
    if (isRecordedPublished({ definition, context })) return [];
    const problems: Problem[] = [];
    for (const q of model.all) {
      if (q.kind !== 'multiple-choice') continue;
      for (const o of q.options) {
        if (o.exclusive || !READS_EXCLUSIVE.test(o.label.trim())) continue;
        if (own(getAtPointer(definition, o.pointer), 'x-exclusive') === false) continue;
        problems.push(
          lintProblem(
            'option-reads-exclusive',
            o.pointer,
            `The option “${visibleText(o.label.trim())}” of ${named(q)} reads as ruling out the others, yet it can be ticked with them, which records an answer that contradicts itself: make it exclusive (ticking it clears the other ticks).`,
            { key: q.key, code: String(o.code), label: o.label },
          ),
        );
      }
    }
    return problems;
  },
};
