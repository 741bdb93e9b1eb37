import { uiIndex } from '../../model/ui-index';
import { evaluateCondition } from '../../rules/index';
import { recordedHash } from '../../definition/published';
import type { Problem } from '../../problems/problem';
import type { Question, UiElementInfo } from '../../model/types';
import { visibleText } from '../../safety/characters';
import { shorten } from '../../model/json';
import { named } from '../wording';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../../model/schema-walk';

/** The effects whose element appears (or opens) when the condition holds; HIDE and DISABLE read it the other way. */
const SHOWS_WHEN_TRUE: Record<string, boolean> = { SHOW: true, ENABLE: true, HIDE: false, DISABLE: false };

/** One condition that reads one question, with its pointer in the file. */
export interface UnansweredLeaf {
  pointer: string;
  question: Question;
}

/**
 * The conditions of an element's rule that let it show (or open) while the question they read is
 * unanswered. Decided by the runtime's own evaluator on answers without that question, so lint and
 * the practitioner page cannot disagree: JSON Schema's `contains`, `minimum`, `not`… hold on a
 * missing answer unless `failWhenUndefined` is set. AND and OR never negate, so one such condition
 * is enough for the element to show before its question is answered, once the others allow it.
 */
export function leavesShowingUnanswered(element: UiElementInfo, questionAt: (pointer: string) => Question | undefined): UnansweredLeaf[] {
  const rule = own(element.node, 'rule');
  if (!isObject(rule)) return [];
  const showsWhenTrue = SHOWS_WHEN_TRUE[String(own(rule, 'effect'))];
  if (showsWhenTrue === undefined) return [];
  const found: UnansweredLeaf[] = [];
  const walk = (condition: unknown, pointer: string, depth: number): void => {
    if (!isObject(condition) || depth > 32) return;
    const list = own(condition, 'conditions');
    if ((condition.type === 'AND' || condition.type === 'OR') && Array.isArray(list)) {
      list.forEach((c, i) => walk(c, `${pointer}/conditions/${i}`, depth + 1));
      return;
    }
    // `#` reads the whole form, which is never unanswered.
    if (typeof condition.scope !== 'string' || condition.scope === '#') return;
    const question = questionAt(`${pointer}/scope`);
    if (!question || question.computed) return;
    if (evaluateCondition(condition, {}) === showsWhenTrue) found.push({ pointer, question });
  };
  walk(own(rule, 'condition'), `${element.pointer}/rule/condition`, 0);
  return found;
}

/** What a policy lead calls the element: the question a control shows, else its heading. */
function elementName(element: UiElementInfo, question: Question | undefined): string {
  if (question) return named(question);
  const label = own(element.node, 'label');
  return typeof label === 'string' && label.trim() ? `“${visibleText(shorten(label.trim()))}”` : 'This part of the form';
}

/**
 * A follow-up that shows before the question it follows is answered, and hides once another answer
 * is given, drops whatever was typed into it meanwhile. A published version cannot change, so it is
 * left to the new version that fixes it.
 */
export const ruleShowsUnanswered: LintRule = {
  codes: ['rule-shows-unanswered'],
  docs: 'A SHOW or ENABLE rule (or a HIDE or DISABLE rule, read the other way) must not show its element while the question its condition reads is unanswered: set `failWhenUndefined: true` on that condition. Not reported for a published version with its hash recorded.',
  check({ model, definition, context }) {
    if (definition.status !== 'draft' && context.published && recordedHash(context.published, definition.id, definition.version) !== undefined) return [];
    const index = uiIndex(model);
    const questions = new Map(index.scopes.flatMap((s) => (s.target.kind === 'question' ? [[s.pointer, s.target.question] as const] : [])));
    const problems: Problem[] = [];
    for (const element of index.elements) {
      const leaves = leavesShowingUnanswered(element, (p) => questions.get(p));
      if (!leaves.length) continue;
      const shownQuestion = questions.get(`${element.pointer}/scope`);
      const effect = String((element.node.rule as Record<string, unknown>).effect);
      const opens = effect === 'ENABLE' || effect === 'DISABLE';
      // Only a show-when's conditions can be told to wait (the quick fix); a hide-when has to be turned round.
      const advice = effect === 'SHOW' || effect === 'ENABLE' ? 'choose ‘Hide until answered’' : 'write it as a show-when and choose ‘Hide until answered’';
      for (const leaf of leaves) {
        problems.push(
          lintProblem(
            'rule-shows-unanswered',
            leaf.pointer,
            `${elementName(element, shownQuestion)} ${opens ? 'can be filled in' : 'shows'} before ${named(leaf.question)} is answered, and ${opens ? 'is closed' : 'hides'} again once another answer is given, dropping what was typed there; ${advice}.`,
            { key: leaf.question.key, effect },
          ),
        );
      }
    }
    return problems;
  },
};
