import {
  checkAnswerLengths,
  checkValueLimits,
  withComputedValues,
  dateMessage,
  hiddenAnswerPointers,
  isHiddenPointer,
  problemsFromAjv,
  askedAt,
  answerPointerIn,
  pointerFromTokens,
  questionAtAnswer,
  tokensFromPointer,
  valueAt,
  type Answers,
  type Problem,
  type Question,
} from '../../core/index';
import { evaluateCondition, ruleOutcome } from './conditions';
import { dateTimeMessage } from './dateTime';
import type { FormModel } from './formModel';
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

/**
 * One problem with one answer, worded for a practitioner (GOV.UK style), with its JSON pointer.
 * An answer can have several (each rule it breaks), shown together beside its field.
 */
export interface FieldError {
  /** Where the problem is: the answer, or an item inside it (`/substances/2`). */
  pointer: string;
  /** The field that shows it, when not `pointer` itself: the question an item belongs to (`/substances`). */
  field?: string;
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
    .map((p) => withField(model, { pointer: p.path, key: topKey(p.path), code: p.code, message: practitionerMessage(model, p, answers), params: p.params }))
    .sort((a, b) => (rank.get(a.key) ?? 1e9) - (rank.get(b.key) ?? 1e9) || a.pointer.localeCompare(b.pointer, 'en', { numeric: true }));
}

/**
 * An error with the field that shows it: a group item's question (`/children/0/age`) or a
 * top-level question (`/substances` for `/substances/2`); one of neither shows where it points.
 */
export function withField(model: FormModel, e: FieldError): FieldError {
  const tokens = tokensFromPointer(e.pointer);
  const q = questionAtAnswer(model.questions, tokens);
  if (!q) return e;
  let field = answerPointerIn(q, tokens);
  // An object has no field of its own (a required follow-up left out): its first question's shows it.
  const first = q.kind === 'object' ? firstShown(q) : undefined;
  if (first) field += pointerFromTokens(first.path.slice(q.path.length));
  return field !== e.pointer ? { ...e, field } : e;
}

function firstShown(object: Question): Question | undefined {
  for (const q of object.children ?? []) {
    const found = q.kind === 'object' ? firstShown(q) : q.control ? q : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The message as the practitioner sees it: a date in the terms of its three boxes, and a group
 * item's problem prefixed with the item it is in ("Child 2: Enter age in years"), beside the field
 * and in the error summary alike.
 */
function practitionerMessage(model: FormModel, p: Problem, answers: Answers): string {
  const tokens = tokensFromPointer(p.path);
  let message = p.message;
  const q = questionAtAnswer(model.questions, tokens);
  const inItem = q?.group !== undefined;
  // Only a problem with the answer itself, not with something inside it.
  const atAnswer = q !== undefined && answerPointerIn(q, tokens) === p.path;
  if (p.code === 'answer-format' && atAnswer && (q.kind === 'date' || q.kind === 'date-time')) {
    const info = askedAt(model.definition, tokens);
    if (info) message = q.kind === 'date' ? dateMessage(info, valueAt(answers, tokens)) : dateTimeMessage(info, valueAt(answers, tokens)) ?? message;
  }
  const group = inItem ? q.group : q?.kind === 'group' && tokens.length > q.path.length + 1 ? q : undefined;
  const index = group ? tokens[group.path.length] : undefined;
  if (group && index !== undefined && /^\d+$/.test(index)) message = `${groupItemLabel(group, Number(index))}: ${message}`;
  return message;
}

/** Answers with every computed value filled in: what validation and the response see. */
export function withComputed(model: FormModel, answers: Answers): Answers {
  return model.hasComputed ? withComputedValues(model.definition, answers) : answers;
}
