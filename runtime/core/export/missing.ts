import type { Definition } from '../definition/envelope';
import { answerIn } from '../model/build';
import { forEachConditionScope } from '../model/scopes';
import { scopeKey } from '../model/pointers';
import { isObject, own } from '../model/schema-walk';
import type { FormModel, Question } from '../model/types';
import type { ResponseEnvelope } from '../response/envelope';
import { hiddenAnswerPointers, isHiddenPointer } from '../rules/visibility';
import { deepEqual } from '../rules/condition';

/**
 * Why an answer is missing, in the manner of REDCap's missing-data codes and SPSS user-missing
 * values: an empty CSV cell said nothing, so "not asked because of a rule", "not asked because of
 * the safety answer", "optional and skipped", "not reached yet" and "required but missing" all
 * looked alike. The codes are HL7 null flavours, as REDCap uses them (docs/exports.md, "Missing data").
 */
export const MISSING_CODES = {
  /** Hidden by a show-when rule: the question did not apply. */
  hidden: 'NA',
  /** Hidden by the safety answer: the question was not asked. */
  notAsked: 'NASK',
  /** Shown and optional, left unanswered. */
  skipped: 'ASKU',
  /** In a response still in progress, after the last question answered. */
  notReached: 'NAV',
  /** Required when shown, and missing (only an unvalidated export can hold one). */
  requiredMissing: 'UNK',
} as const;

export type MissingCode = (typeof MISSING_CODES)[keyof typeof MISSING_CODES];

/** What one response tells about its missing answers, worked out once per response. */
export interface MissingContext {
  /** The reason an unanswered question at `pointer` (`/key`, `/group/0/key`) is missing. */
  reason(question: Question, pointer: string): MissingCode;
}

/**
 * `response` must be what the export writes (hidden answers already removed), so the rules are
 * read against the answers the practitioner left in view.
 */
export function missingContext(definition: Definition, model: FormModel, response: ResponseEnvelope): MissingContext {
  const hidden = hiddenAnswerPointers(definition, response.answers);
  // The gate's yes as the model reads it: `true`, or a yes/no choice's yes code.
  const gate = model.gate?.key;
  const gateOpen = gate !== undefined && isObject(response.answers) && deepEqual(own(response.answers, gate), model.gate!.yes);
  // In progress: what comes after the last answered question (in reading order) was not reached.
  let lastAnswered = -1;
  if (response.status !== 'completed') {
    for (const q of model.shown) {
      if (q.group || !q.control) continue;
      const value = answerIn(response.answers, q);
      if (value !== undefined && value !== null) lastAnswered = Math.max(lastAnswered, q.control.order);
    }
  }
  return {
    reason(question, pointer) {
      if (isHiddenPointer(hidden, pointer)) return gate !== undefined && !gateOpen && readsGate(question, gate) ? MISSING_CODES.notAsked : MISSING_CODES.hidden;
      const top = question.group ?? question;
      if (response.status !== 'completed' && (top.control?.order ?? -1) > lastAnswered) return MISSING_CODES.notReached;
      return question.required === 'always' ? MISSING_CODES.requiredMissing : MISSING_CODES.skipped;
    },
  };
}

/** Whether a rule above the question (or its group) reads the safety answer. */
function readsGate(question: Question, gate: string): boolean {
  const rules = [...(question.control?.rules ?? []), ...(question.group?.control?.rules ?? [])];
  let reads = false;
  for (const placed of rules) forEachConditionScope(own(placed.rule, 'condition'), '', (scope) => (reads ||= scopeKey(scope) === gate));
  return reads;
}

/** The answer pointer of a question: top level (inside objects too), or inside item `index` of its group. */
export function answerPointer(question: Question, index?: number): string {
  return question.group && index !== undefined ? question.answerPath.replace('/-/', `/${index}/`) : question.answerPath;
}
