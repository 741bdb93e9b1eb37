import type { Question } from '../../../../runtime/core/index';
import { isObject, own, ownArray, ownObject, type JsonObject } from './json';

/** What a policy lead picks from the palette. */
export const questionKinds = [
  'single-choice',
  'multiple-choice',
  'text',
  'long-text',
  'number',
  'date',
  'time',
  'yes-no',
  'group',
] as const;
export type QuestionKind = (typeof questionKinds)[number];
/**
 * `object`: a titled block of questions answered together, one object answer (services/edits/objects.ts);
 * `computed`: a total, count or band the runtime works out (services/edits/computed.ts).
 */
export type PaletteKind = QuestionKind | 'object' | 'computed' | 'section' | 'guidance';

export const kindLabels: Record<PaletteKind | 'unknown', string> = {
  'single-choice': 'Single choice',
  'multiple-choice': 'Multiple choice',
  text: 'Text',
  'long-text': 'Long text',
  number: 'Number',
  date: 'Date',
  time: 'Time',
  'yes-no': 'Yes / no',
  group: 'Repeatable group',
  object: 'Object group',
  computed: 'Total, score or band',
  section: 'Section',
  guidance: 'Guidance text',
  unknown: 'Other',
};

export const paletteKinds: PaletteKind[] = [...questionKinds, 'object', 'computed', 'section', 'guidance'];

export interface ChoiceOption {
  code: string;
  label: string;
  /** `x-score`: the points the option adds to a score total; absent when the option is not scored. */
  score?: number;
  /**
   * A multiple choice's option that rules out the others ("None of these"): ticking it clears them.
   * Absent for a single choice, and for options from a pasted list (which keep what they had).
   */
  exclusive?: boolean;
}

const defaultOptions: ChoiceOption[] = [
  { code: 'option_1', label: 'Option 1' },
  { code: 'option_2', label: 'Option 2' },
];

/** The schema of a new question of a kind, as docs/definition-format.md "Question types" writes it. */
export function schemaForKind(kind: QuestionKind, title: string, code: string): JsonObject {
  const base = { title, 'x-code': code };
  const oneOf = () => defaultOptions.map((o) => ({ const: o.code, title: o.label }));
  switch (kind) {
    case 'text':
      return { type: 'string', maxLength: 500, ...base };
    case 'long-text':
      return { type: 'string', maxLength: 5000, ...base };
    case 'number':
      return { type: 'integer', minimum: 0, ...base };
    case 'yes-no':
      return { type: 'boolean', ...base };
    case 'single-choice':
      return { type: 'string', oneOf: oneOf(), ...base };
    case 'multiple-choice':
      return { type: 'array', uniqueItems: true, items: { type: 'string', oneOf: oneOf() }, ...base };
    case 'date':
      return { type: 'string', format: 'date', ...base };
    case 'time':
      return { type: 'string', format: 'time', ...base };
    case 'group':
      return { type: 'array', items: { type: 'object', properties: {}, required: [] }, ...base };
  }
}

/** The UI control for a new question of a kind. */
export function controlForKind(kind: QuestionKind, scope: string): JsonObject {
  const control: JsonObject = { type: 'Control', scope };
  if (kind === 'long-text') control.options = { multi: true };
  if (kind === 'group') control.options = { detail: { type: 'VerticalLayout', elements: [] } };
  return control;
}

/**
 * The palette kind of an existing question, from core's form model (which read its schema,
 * `$ref`s and control): a whole number and a decimal are both "Number", an email address is "Text";
 * what the palette cannot make is "Other".
 */
export function kindOf(question: Question | undefined): QuestionKind | 'object' | 'unknown' {
  switch (question?.kind) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'email':
      return 'text';
    case 'text':
    case 'long-text':
    case 'yes-no':
    case 'single-choice':
    case 'multiple-choice':
    case 'date':
    case 'time':
    case 'group':
    case 'object':
      return question.kind;
    default:
      return 'unknown';
  }
}

export function readOptions(question: Question | undefined): ChoiceOption[] {
  const multiple = question?.kind === 'multiple-choice';
  return (question?.options ?? []).map((o) => ({ code: o.code, label: o.label, ...(o.score !== undefined ? { score: o.score } : {}), ...(multiple ? { exclusive: o.exclusive } : {}) }));
}

const OPTION_KEYWORDS = ['oneOf', 'anyOf', 'enum'] as const;

/**
 * The schema node a choice question's options are written in (the question itself, or its items),
 * when they are written there. Options a `$ref` brings from a shared shape are not the outline's to
 * rewrite: options beside the `$ref` would not replace them, both would apply and no answer would fit.
 */
export function optionsHolder(schema: JsonObject, kind: QuestionKind | 'object' | 'unknown'): JsonObject | undefined {
  const holder = kind === 'single-choice' ? schema : kind === 'multiple-choice' ? ownObject(schema, 'items') : undefined;
  return holder && OPTION_KEYWORDS.some((k) => Array.isArray(own(holder, k))) ? holder : undefined;
}

export function writeOptions(schema: JsonObject, kind: QuestionKind | 'object' | 'unknown', options: ChoiceOption[]): void {
  const holder = optionsHolder(schema, kind);
  if (!holder) return;
  // What else an option carries (translations' anchors) stays with its code; `x-exclusive` only on a
  // multiple choice's options (a single choice's one answer already rules out the rest).
  const before = new Map<unknown, JsonObject>();
  for (const o of ownArray(holder, 'oneOf') ?? []) if (isObject(o)) before.set(own(o, 'const'), o);
  for (const k of OPTION_KEYWORDS) delete holder[k];
  holder.oneOf = options.map((o) => {
    const { const: _c, title: _t, 'x-score': _s, 'x-exclusive': said, ...rest } = before.get(o.code) ?? {};
    return { const: o.code, title: o.label, ...(o.score !== undefined ? { 'x-score': o.score } : {}), ...(kind === 'multiple-choice' ? exclusiveOf(o, said) : {}), ...rest };
  });
}

/**
 * `x-exclusive` as written for an option: only where it differs from the default (the code `none`
 * is exclusive unsaid), or where the author already wrote it and it still holds (a `false` that
 * silences option-reads-exclusive stays). An option that does not say (a pasted one) keeps what it had.
 */
function exclusiveOf(o: ChoiceOption, said: unknown): { 'x-exclusive'?: boolean } {
  if (o.exclusive === undefined) return typeof said === 'boolean' ? { 'x-exclusive': said } : {};
  if (said === o.exclusive || o.exclusive !== (o.code === 'none')) return { 'x-exclusive': o.exclusive };
  return {};
}
