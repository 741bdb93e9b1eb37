import type { Definition } from '../definition/envelope';
import { formModel } from '../model/build';
import type { Question, RequiredCondition } from '../model/types';

/** The only place the FHIR exporters read the form model, one function per fact. */

/** The questions, top level first, groups carrying their items. */
export function questionsOf(definition: Pick<Definition, 'schema' | 'uischema'>): Question[] {
  return formModel(definition).questions;
}

/** When the schema requires an answer: always, never, or when one of the `if` conditions holds. */
export type Requirement =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'when'; conditions: RequiredCondition[] };

export function requirementOf(question: Question): Requirement {
  if (question.required === 'never') return { kind: 'never' };
  return question.required === 'always' ? { kind: 'always' } : { kind: 'when', conditions: question.requiredIf };
}
