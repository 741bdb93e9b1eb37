import { formModel, type Definition, type FormModel, type Question } from '../../../../runtime/core/index';
import type { RawDefinition } from './questions';

/**
 * Core's form model of a definition as the builder has it. Only ever for a definition as it was
 * before an edit: the model is kept per object, and the edits here change their own copy in place.
 */
export function modelOf(def: RawDefinition): FormModel {
  return formModel(def as unknown as Pick<Definition, 'schema' | 'uischema'>);
}

/** The question a reference names: a top-level question, one of a repeatable group's items, or one of an object's questions. */
export function questionOf(def: RawDefinition, ref: { key: string; group?: string; object?: string }): Question | undefined {
  if (ref.object !== undefined) return modelOf(def).byKey.get(ref.object)?.children?.find((q) => q.key === ref.key);
  const top = modelOf(def).byKey.get(ref.group ?? ref.key);
  return ref.group === undefined ? top : top?.items?.find((q) => q.key === ref.key);
}
