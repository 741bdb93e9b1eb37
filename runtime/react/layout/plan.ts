import type { ComponentType } from 'react';
import type { FormController } from '../model/controller';
import { computedSources, questionAtScope, valueAt, withValueAt } from '../../core/index';
import { fieldId, type JsonSchema, type UiElement } from '../model/formModel';
import { topKey } from '../model/uiState';
import { questionWording } from '../model/wording';
import type { ChoiceOption, ControlProps } from '../renderers/types';

/**
 * Everything about a top-level question that does not change while the form is open: its renderer,
 * wording, options, ids, and the stable functions its control subscribes and writes with. Worked out
 * on the question's first render and kept for the controller's life, so a re-render (a keystroke in
 * that question) and the first render of each question do no lookup, tester or allocation twice;
 * the stable functions let the control subscribe without hooks of its own to memoise them.
 */
export interface QuestionPlan {
  key: string;
  schema: JsonSchema;
  element: UiElement;
  debug: boolean;
  Renderer: ComponentType<ControlProps>;
  id: string;
  pointer: string;
  label: string;
  hint: string | undefined;
  help: string | undefined;
  required: boolean;
  options: ChoiceOption[];
  /** The answer, or for a computed question its value worked out from the answers it reads. */
  subscribeValue(cb: () => void): () => void;
  getValue(): unknown;
  subscribeError(cb: () => void): () => void;
  getError(): string | undefined;
  onChange(value: unknown): void;
  onBlur(): void;
}

const plans = new WeakMap<FormController, WeakMap<UiElement, QuestionPlan | null>>();

/** The plan of the question a Control shows; null when its scope is not a question of the form. */
export function questionPlan(c: FormController, element: UiElement, pointer: string): QuestionPlan | null {
  let byElement = plans.get(c);
  if (!byElement) plans.set(c, (byElement = new WeakMap()));
  let plan = byElement.get(element);
  if (plan === undefined) {
    plan = makePlan(c, element, pointer);
    byElement.set(element, plan);
  }
  return plan;
}

function makePlan(c: FormController, element: UiElement, pointer: string): QuestionPlan | null {
  const { model, store, ui } = c;
  const question = typeof element.scope === 'string' ? questionAtScope(model.questions, element.scope, undefined) : undefined;
  // A group's items are planned by their group (itemPlan.ts); an object is shown by its questions' controls.
  if (!question || question.group || question.kind === 'object') return null;
  // An answer inside an object (`/riskFollowUp/plan`) lives in its top-level answer, read and written there.
  const top = question.path[0]!;
  const inner = question.path.slice(1);
  const answerPointer = question.answerPath;
  const errorKey = topKey(answerPointer);
  const { computed } = question;
  const wording = questionWording(model.t, question, element, pointer);
  return {
    key: question.key,
    // Renderers read the shape answers must have: a question written as a `$ref` gets its shared shape.
    schema: question.shape,
    element,
    debug: c.debug,
    Renderer: c.renderers.question(element, question.path, question.schema, model.questions.schema).renderer,
    id: fieldId(answerPointer),
    pointer: answerPointer,
    ...wording,
    required: inner.length ? question.required !== 'never' : model.required.has(question.key),
    // Inside an object a computed value's inputs are its siblings there, all held in the object's top-level answer.
    subscribeValue: computed ? (cb) => subscribeComputed(c, inner.length ? [top] : computedSources(question, model.question), cb) : (cb) => store.subscribe(top, cb),
    // Worked out from the answers that count (those a rule hides left out), as the response's is.
    getValue: computed ? () => valueAt(c.shownAnswers(), question.path) : inner.length ? () => valueAt(store.get(top), inner) : () => store.get(top),
    subscribeError: (cb) => ui.subscribe(errorKey, cb),
    getError: () => ui.shownError(answerPointer),
    onChange: inner.length ? (v) => store.set(top, withValueAt(store.get(top), inner, v)) : (v) => store.set(top, v),
    onBlur: () => c.blur(answerPointer),
  };
}

/**
 * A computed value changes with its inputs, and with any answer a rule reads: that can hide an
 * input (WHO's AUDIT hides questions 2 to 8 after "Never"), which then no longer counts.
 */
function subscribeComputed(c: FormController, sources: string[], cb: () => void): () => void {
  const rules = c.ruleReadKeys();
  if (rules === null) return c.store.subscribeAll(cb);
  return c.store.subscribeKeys([...new Set([...sources, ...rules])], cb);
}
