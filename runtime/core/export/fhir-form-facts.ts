import type { Definition } from '../definition/envelope';
import { escapePointerToken } from '../problems/pointer';
import { indexQuestions, type IndexedQuestion, type RequiredCondition } from '../versions/questions';
import { exportQuestions, type ExportQuestion } from './questions';

/**
 * The only place the FHIR exporters read the form model, one function per fact. The core form
 * model (runtime/core/model/) will replace both sources; re-pointing the FHIR code is then a
 * change to the body of each function here.
 */

/** The questions, top level first, groups carrying their items. */
export function questionsOf(definition: Pick<Definition, 'schema' | 'uischema'>): ExportQuestion[] {
  return exportQuestions(definition);
}

/** When the schema requires an answer: always, never, or when one of the `if` conditions holds. */
export type Requirement =
  | { kind: 'always' }
  | { kind: 'never' }
  | { kind: 'when'; conditions: RequiredCondition[] };

const NEVER: Requirement = { kind: 'never' };
const byAnswerPath = new WeakMap<object, Map<string, IndexedQuestion>>();

export function requirementOf(definition: Pick<Definition, 'schema' | 'uischema'>, question: ExportQuestion): Requirement {
  let index = byAnswerPath.get(definition);
  if (!index) {
    index = new Map([...indexQuestions(definition).byCode.values()].map((q) => [q.answerPath, q]));
    byAnswerPath.set(definition, index);
  }
  const e = escapePointerToken;
  const path = question.groupKey === undefined ? `/${e(question.key)}` : `/${e(question.groupKey)}/-/${e(question.key)}`;
  const indexed = index.get(path);
  if (!indexed || indexed.required === 'never') return NEVER;
  return indexed.required === 'always' ? { kind: 'always' } : { kind: 'when', conditions: indexed.requiredIf };
}
