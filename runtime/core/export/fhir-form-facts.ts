import type { Question, RequiredCondition } from '../model/types';

/** When the schema requires an answer: always, never, or when one of the `if` conditions holds. */
export type Requirement =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'when'; conditions: RequiredCondition[] };

export function requirementOf(question: Question): Requirement {
  if (question.required === 'never') return { kind: 'never' };
  return question.required === 'always' ? { kind: 'always' } : { kind: 'when', conditions: question.requiredIf };
}
