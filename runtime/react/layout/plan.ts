import type { ComponentType } from 'react';
import type { FormController } from '../model/controller';
import { escapePointer, fieldId, keyOfScope, type JsonSchema, type UiElement } from '../model/formModel';
import { topKey } from '../model/uiState';
import { computeValue, computedDependencies } from '../model/validation';
import { choiceOptions, propertyPointer } from '../renderers/options';
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
  const key = keyOfScope(element.scope) ?? '';
  const schema = Object.prototype.hasOwnProperty.call(model.properties, key) ? model.properties[key] : undefined;
  if (!schema) return null;
  const answerPointer = `/${escapePointer(key)}`;
  const errorKey = topKey(answerPointer);
  const base = propertyPointer(key);
  const deps = schema['x-computed'] ? computedDependencies(schema) : [];
  return {
    key,
    schema,
    element,
    debug: c.debug,
    Renderer: c.renderers.question(element, key, schema, model.rootSchema).renderer,
    id: fieldId(answerPointer),
    pointer: answerPointer,
    label: typeof element.label === 'string' ? model.t(`${pointer}/label`, element.label) : model.title(key),
    hint: model.hint(key),
    help: typeof schema['x-help'] === 'string' ? model.t(`${base}/x-help`, schema['x-help']) : undefined,
    required: model.required.has(key),
    options: choiceOptions(schema, model.t, base),
    subscribeValue: deps.length ? (cb) => store.subscribeKeys(deps, cb) : (cb) => store.subscribe(key, cb),
    getValue: deps.length ? () => computeValue(schema, store.snapshot()) : () => store.get(key),
    subscribeError: (cb) => ui.subscribe(errorKey, cb),
    getError: () => ui.shownError(answerPointer),
    onChange: (v) => store.set(key, v),
    onBlur: () => c.blur(answerPointer),
  };
}
