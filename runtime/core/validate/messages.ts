import type { Definition } from '../definition/envelope';
import { answerPointerIn, formModel, questionAtAnswer } from '../model/build';
import type { QuestionKind } from '../model/types';

/** The question an answer belongs to, and where that answer is: what wording a problem needs. */
export interface Asked {
  /** Pointer of the answer: `/key`, `/object/key`, or `/group/0/key`. */
  pointer: string;
  key: string;
  /** The question as asked, or its key in words when it has no title. */
  title: string;
  kind: QuestionKind;
}

/** The question an answer pointer (or a pointer inside an answer) belongs to, read from the form model. */
export function askedAt(definition: Pick<Definition, 'schema' | 'uischema'>, tokens: readonly string[]): Asked | undefined {
  const q = questionAtAnswer(formModel(definition), tokens);
  if (!q) return undefined;
  return { pointer: answerPointerIn(q, tokens), key: q.key, title: q.title?.trim() || keyInWords(q.key), kind: q.kind };
}

/** `childAge` or `child_age` → "child age". */
function keyInWords(key: string): string {
  return key.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * Plain-English messages for practitioners (GOV.UK error message style), built from the
 * question's title. Data stays in `code` and `params`; only this file words them.
 */
const QUESTION_START = /^(what|when|where|which|who|whom|whose|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should|may|might)\b/i;

interface Subject {
  /** "the child's age", or "the answer to “How old is the child?”" */
  noun: string;
  /** The same, capitalised, for the start of a sentence. */
  Noun: string;
  quoted: string;
}

export function subjectOf(title: string): Subject {
  const t = title.trim();
  const isQuestion = t.endsWith('?') || QUESTION_START.test(t);
  const quoted = `“${t}”`;
  const noun = isQuestion ? `the answer to ${quoted}` : lowerFirst(t.replace(/[:.]\s*$/, ''));
  return { noun, Noun: upperFirst(noun), quoted };
}

function lowerFirst(s: string): string {
  // Keep acronyms and names ("GP name", "NHS number") as written.
  return /^[A-Z][a-z']/.test(s) && !/^I\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function n(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('en-GB') : String(value);
}

export function requiredMessage(q: Asked): string {
  const s = subjectOf(q.title);
  switch (q.kind) {
    case 'yes-no':
      return `Choose yes or no for ${s.quoted}`;
    case 'single-choice':
      return s.noun.startsWith('the answer to') ? `Choose an answer to ${s.quoted}` : `Choose ${s.noun}`;
    case 'multiple-choice':
      return `Choose at least one option for ${s.quoted}`;
    case 'group':
      return `Add ${s.noun.startsWith('the answer to') ? `an entry for ${s.quoted}` : s.noun}`;
    default:
      return s.noun.startsWith('the answer to') ? `Answer ${s.quoted}` : `Enter ${s.noun}`;
  }
}

const FORMAT_EXAMPLES: Record<string, string> = {
  date: 'a date in the format 2026-11-25',
  time: 'a time in the format 14:30',
  'date-time': 'a date and time in the format 2026-11-25T14:30:00Z',
  email: 'an email address in the format name@example.com',
};

export function formatMessage(q: Asked, format: unknown): string {
  const s = subjectOf(q.title);
  const example = FORMAT_EXAMPLES[String(format)] ?? `text in the ${String(format)} format`;
  return `Enter ${example} for ${s.noun}`;
}

export function typeMessage(q: Asked, expected: unknown): string {
  const s = subjectOf(q.title);
  if (q.kind === 'yes-no' || expected === 'boolean') return `Choose yes or no for ${s.quoted}`;
  if (expected === 'integer') return `${s.Noun} must be a whole number`;
  if (expected === 'number') return `${s.Noun} must be a number`;
  if (expected === 'string') return `${s.Noun} must be text`;
  if (q.kind === 'multiple-choice') return `Choose options from the list for ${s.quoted}`;
  return `${s.Noun} is not in the expected form`;
}

export function optionMessage(q: Asked): string {
  const s = subjectOf(q.title);
  if (q.kind === 'multiple-choice') return `Choose only from the options given for ${s.quoted}`;
  return s.noun.startsWith('the answer to') ? `Choose one of the options for ${s.quoted}` : `Choose ${s.noun} from the options given`;
}

export function rangeMessage(q: Asked, keyword: string, limit: unknown): string {
  const s = subjectOf(q.title);
  switch (keyword) {
    case 'minimum':
      return `${s.Noun} must be ${n(limit)} or more`;
    case 'exclusiveMinimum':
      return `${s.Noun} must be more than ${n(limit)}`;
    case 'maximum':
      return `${s.Noun} must be ${n(limit)} or less`;
    case 'exclusiveMaximum':
      return `${s.Noun} must be less than ${n(limit)}`;
    case 'multipleOf':
      return `${s.Noun} must be a multiple of ${n(limit)}`;
    default:
      return `${s.Noun} is out of range`;
  }
}

export function lengthMessage(q: Asked, keyword: string, limit: unknown): string {
  const s = subjectOf(q.title);
  if (keyword === 'maxLength') return `${s.Noun} must be ${n(limit)} characters or fewer`;
  if (limit === 1) return requiredMessage(q);
  return `${s.Noun} must be ${n(limit)} characters or more`;
}

export function itemsMessage(q: Asked, keyword: string, limit: unknown): string {
  const s = subjectOf(q.title);
  const group = q.kind === 'group';
  switch (keyword) {
    case 'minItems':
    case 'minContains':
      return group ? `Add at least ${n(limit)} for ${s.quoted}` : `Choose at least ${n(limit)} for ${s.quoted}`;
    case 'maxItems':
    case 'maxContains':
      return group ? `Add no more than ${n(limit)} for ${s.quoted}` : `Choose no more than ${n(limit)} for ${s.quoted}`;
    case 'uniqueItems':
      return `Choose each option only once for ${s.quoted}`;
    default:
      return `Check the entries for ${s.quoted}`;
  }
}

export function patternMessage(q: Asked): string {
  return `Enter ${subjectOf(q.title).noun} in the expected format`;
}

export function invalidMessage(q: Asked): string {
  return `Check ${subjectOf(q.title).noun}: it does not fit what the form expects`;
}

export function unknownMessage(key: string): string {
  return `There is no question “${key}” in this form`;
}

export function computedMessage(q: Asked, expected: unknown): string {
  return `${subjectOf(q.title).Noun} is worked out from other answers and should be ${n(expected)}`;
}

export function answerTooLongMessage(q: Asked | undefined, limit: number): string {
  return q ? `${subjectOf(q.title).Noun} must be ${n(limit)} characters or fewer` : `Answers must be ${n(limit)} characters or fewer`;
}

/** An answer to a question that its rules (or the safety check) hide: it was never shown. */
export function hiddenAnswerMessage(q: Asked | undefined): string {
  const what = q?.title ? `“${q.title}”` : 'This question';
  return `${what} is not shown with these answers (a rule or the safety check hides it), so it must not be answered`;
}

/**
 * A date typed in three boxes (day, month, year) that is not a date, worded in the boxes' terms
 * (GOV.UK date input): "… must include a month", "… must be a real date", "Year must include 4
 * numbers"; never the stored format. `value` is the answer as the boxes store it, `year-month-day`
 * with empty parts kept (`2026--9`).
 */
export function dateMessage(q: Asked, value: unknown): string {
  const s = subjectOf(q.title);
  const m = typeof value === 'string' ? /^([^-]*)-([^-]*)-([^-]*)$/.exec(value) : null;
  if (!m) return `${s.Noun} must be a real date`;
  const [year, month, day] = [m[1]!.trim(), m[2]!.trim(), m[3]!.trim()];
  const missing = [day ? '' : 'day', month ? '' : 'month', year ? '' : 'year'].filter(Boolean);
  if (missing.length === 3) return requiredMessage(q);
  if (missing.length) return `${s.Noun} must include a ${missing.join(' and ')}`;
  if (![day, month, year].every((x) => /^\d+$/.test(x))) return `${s.Noun} must be a real date`;
  if (year.length !== 4) return 'Year must include 4 numbers';
  return `${s.Noun} must be a real date`;
}
