import { formModel, type Definition, type Question, type QuestionKind } from '../../../core/index';

/**
 * The Responses page's correction of one answer (issue 20 point 5), as data: which questions the
 * page can correct and how a field's text becomes an answer and back. The form model says what
 * each question is; the server checks the corrected response with the published version's
 * validator, as it checks a submission, so nothing here decides what is valid.
 */

/** Kinds with a field of their own here; groups, lists and computed values are not corrected one answer at a time. */
const FIELD_KINDS: ReadonlySet<QuestionKind> = new Set([
  'text', 'long-text', 'email', 'integer', 'decimal', 'yes-no', 'single-choice', 'multiple-choice', 'date', 'time', 'date-time',
]);

export interface Correctable {
  key: string;
  label: string;
  kind: QuestionKind;
  /** Choices as the field offers them: code (the field's value) and label. */
  choices: Array<{ code: string; label: string }>;
  question: Question;
}

export function correctableQuestions(definition: Definition): Correctable[] {
  return formModel(definition).questions
    .filter((q) => FIELD_KINDS.has(q.kind) && !q.readOnly && !q.computed)
    .map((q) => ({ key: q.key, label: q.title ?? q.key, kind: q.kind, choices: choicesOf(q), question: q }));
}

function choicesOf(q: Question): Array<{ code: string; label: string }> {
  if (q.options.length) return q.options.map((o) => ({ code: o.code, label: o.label }));
  if (q.yesNo) return [{ code: String(q.yesNo.yes), label: 'Yes' }, { code: String(q.yesNo.no), label: 'No' }];
  return [];
}

/** What a field shows for an answer: text, or the codes ticked for a multiple choice. */
export function fieldOf(c: Correctable, answer: unknown): string | string[] {
  if (c.kind === 'multiple-choice') return Array.isArray(answer) ? answer.map((v) => codeOf(c, v)) : [];
  if (answer === undefined || answer === null) return '';
  return c.choices.length ? codeOf(c, answer) : typeof answer === 'string' ? answer : String(answer);
}

function codeOf(c: Correctable, value: unknown): string {
  const option = c.question.options.find((o) => Object.is(o.value, value));
  return option ? option.code : String(value);
}

function valueOf(c: Correctable, code: string): unknown {
  const option = c.question.options.find((o) => o.code === code);
  if (option) return option.value;
  if (c.question.yesNo) return String(c.question.yesNo.yes) === code ? c.question.yesNo.yes : c.question.yesNo.no;
  return code;
}

/**
 * The answers with this one corrected: an empty field leaves the question unanswered. A number
 * that does not read as one is sent as typed, for the server to refuse at its pointer.
 */
export function correctedAnswers(answers: Record<string, unknown>, c: Correctable, field: string | string[]): Record<string, unknown> {
  const next = { ...answers };
  if (Array.isArray(field)) {
    if (field.length) next[c.key] = field.map((code) => valueOf(c, code));
    else delete next[c.key];
    return next;
  }
  const text = field.trim() === '' && c.kind !== 'long-text' && c.kind !== 'text' ? '' : field;
  if (text === '') {
    delete next[c.key];
    return next;
  }
  if (c.choices.length) next[c.key] = valueOf(c, text);
  else if (c.kind === 'integer' || c.kind === 'decimal') next[c.key] = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
  else next[c.key] = text;
  return next;
}
