import {
  checkAnswerLengths,
  checkValueLimits,
  computeValue as coreComputeValue,
  dateMessage,
  hiddenAnswerPointers,
  isHiddenPointer,
  parseComputed,
  problemsFromAjv,
  questionAt,
  tokensFromPointer,
  type Answers,
  type Problem,
} from '../../core/index';
import { evaluateCondition, ruleOutcome } from './conditions';
import type { FormModel, JsonSchema } from './formModel';
import { groupItemLabel } from './groupNoun';
import { topKey } from './uiState';

/** The shape of AJV's error objects (ahead-of-time compiled validators produce the same). */
export interface ValidatorError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath?: string;
  message?: string;
}

/** A compiled validator: AJV's function, from `/validators/<id>/<version>.js` or compiled here. */
export type ValidateFunction = ((data: unknown) => boolean | Promise<unknown>) & { errors?: ValidatorError[] | null };

/** One problem with one answer, worded for a practitioner (GOV.UK style), with its JSON pointer. */
export interface FieldError {
  pointer: string;
  key: string;
  code: string;
  message: string;
  /** What the message was made from: AJV's keyword and params (validate/problems.ts). */
  params?: Record<string, unknown>;
}

/** A validator that could not give a verdict: the form must not read it as "no problems". */
export class ValidatorFailure extends Error {
  constructor(reason: string, cause?: unknown) {
    super(`Answers could not be checked: ${reason}`, { cause });
    this.name = 'ValidatorFailure';
  }
}

/** The form-level problem of a form that cannot check answers (it then refuses to submit). */
export const FORM_CANNOT_VALIDATE: FieldError = {
  pointer: '',
  key: '',
  code: 'form-cannot-validate',
  message: 'This form cannot check your answers on this page, so it cannot be submitted. Your answers are still here: tell your service’s system administrator.',
};

/** Whether every rule above a key allows it to show now. */
export function isKeyVisible(model: FormModel, key: string, answers: Answers): boolean {
  const rules = model.rulesByKey.get(key);
  if (!rules) return true;
  return rules.every((r) => ruleOutcome(r, evaluateCondition(r.condition, answers)).visible);
}

/**
 * The steps of core's `validateResponse` with a validator already in hand (limits, answer lengths,
 * the validator, practitioners' messages, hidden questions not required). Calling the pieces
 * rather than `validateResponse` keeps AJV's compiler, which that function can fall back to, out
 * of the runtime's bundle: pages get a precompiled validator, hosts without one load it lazily.
 */
export function runValidator(model: FormModel, validate: ValidateFunction, answers: Answers): FieldError[] {
  const definition = model.definition;
  let problems: Problem[] = checkValueLimits(answers);
  if (!problems.length) problems = checkAnswerLengths(definition, answers);
  if (!problems.length) {
    let result: unknown;
    try {
      result = validate(answers);
    } catch (e) {
      throw new ValidatorFailure('the validator threw', e);
    }
    // Anything but a plain verdict (a promise from an async schema, an "invalid" with no errors)
    // is a validator we cannot trust: fail closed, never read it as "no problems".
    if (typeof result !== 'boolean') throw new ValidatorFailure('the validator gave no verdict');
    const errors = validate.errors ?? [];
    if (!result && errors.length === 0) throw new ValidatorFailure('the validator refused the answers without saying why');
    problems = result ? [] : problemsFromAjv(errors as Parameters<typeof problemsFromAjv>[0], definition);
    // Rules only excuse required answers: the UI schema is walked only when one is missing.
    if (problems.some((p) => p.code === 'answer-required')) {
      const hidden = hiddenAnswerPointers(definition, answers);
      problems = problems.filter((p) => !(p.code === 'answer-required' && isHiddenPointer(hidden, p.path)));
    }
  }
  const rank = new Map(model.order.map((k, i) => [k, i]));
  return problems
    .filter((p) => p.path.startsWith('/'))
    .map((p) => ({ pointer: p.path, key: topKey(p.path), code: p.code, message: practitionerMessage(model, p, answers), params: p.params }))
    .sort((a, b) => (rank.get(a.key) ?? 1e9) - (rank.get(b.key) ?? 1e9) || a.pointer.localeCompare(b.pointer, 'en', { numeric: true }));
}

/**
 * The message as the practitioner sees it: a date in the terms of its three boxes, and a group
 * item's problem prefixed with the item it is in ("Child 2: Enter age in years"), beside the field
 * and in the error summary alike.
 */
function practitionerMessage(model: FormModel, p: Problem, answers: Answers): string {
  const tokens = tokensFromPointer(p.path);
  let message = p.message;
  if (p.code === 'answer-format') {
    const q = questionAt(model.rootSchema, tokens);
    if (q && q.kind === 'date' && q.pointer === p.path) message = dateMessage(q, valueAt(answers, tokens));
  }
  const key = tokens[0];
  if (tokens.length > 2 && key !== undefined && model.kind(key) === 'group' && /^\d+$/.test(tokens[1]!)) {
    message = `${groupItemLabel(model.properties[key]!, Number(tokens[1]))}: ${message}`;
  }
  return message;
}

function valueAt(answers: Answers, tokens: string[]): unknown {
  let node: unknown = answers;
  for (const t of tokens) {
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, t)) return undefined;
    node = (node as Record<string, unknown>)[t];
  }
  return node;
}

/** A computed value (`x-computed`) from the answers beside it, by core's rules. */
export function computeValue(schema: JsonSchema, answers: Answers): number | undefined {
  const spec = parseComputed(schema['x-computed']);
  return spec ? coreComputeValue(spec, answers) : undefined;
}

export function computedDependencies(schema: JsonSchema): string[] {
  const spec = schema['x-computed'] as { of?: unknown } | undefined;
  return spec && Array.isArray(spec.of) ? spec.of.filter((k): k is string => typeof k === 'string') : [];
}

/** Answers with every computed value filled in: what validation and the response see. */
export function withComputed(model: FormModel, answers: Answers): Answers {
  if (model.computedKeys.length === 0) return answers;
  const out = { ...answers };
  for (const key of model.computedKeys) {
    const v = computeValue(model.properties[key]!, answers);
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}
