import { enableWhenForSchema, enableWhenOf, type FhirEnableWhen } from './fhir-enable-when';
import { isObject, own } from '../model/schema-walk';
import { questionInCondition } from '../model/levels';
import type { FormModel, PlacedRule, Question, RequiredCondition } from '../model/types';

/**
 * The codebook's plain words for when a question is shown, when it is required, and what range
 * and length its answer may have: what a data analyst needs to read a column without the
 * definition beside them. Rules are read through the same mapping FHIR's enableWhen uses, so the
 * codebook and the Questionnaire never disagree about a condition; a rule that mapping cannot
 * express is named by its place in the definition rather than guessed at.
 */

/**
 * "safe_to_talk is yes; fearful is one of yes, unsure", or '' when the question is always shown. An
 * object has no control of its own: it is shown while any of its questions is, so it reads as the
 * rules all of them sit under when one of them sits under no other (the follow-up shown when the
 * risk is above 0, one of its questions only when referred), else "when any of its questions is shown".
 */
export function showWhenWords(q: Question, model: FormModel): string {
  if (q.kind !== 'object' || q.control) return rulesWords(shownBy(q), model);
  const each = leavesOf(q).map(shownBy);
  const shared = each[0]?.filter((rule) => each.every((rules) => rules.includes(rule))) ?? [];
  const widest = each.some((rules) => rules.length === shared.length);
  return widest ? rulesWords(shared, model) : 'when any of its questions is shown';
}

/** The SHOW/HIDE rules a question's control sits under (a group item's, its group's too), each once. */
function shownBy(q: Question): PlacedRule[] {
  const seen = new Set<unknown>();
  return [...(q.group?.control?.rules ?? []), ...(q.control?.rules ?? [])].filter((placed) => {
    if (seen.has(placed.rule)) return false;
    seen.add(placed.rule);
    const effect = own(placed.rule, 'effect');
    return effect === 'SHOW' || effect === 'HIDE'; // ENABLE/DISABLE change editing, not what is asked
  });
}

function leavesOf(q: Question): Question[] {
  return q.kind === 'object' && !q.control ? (q.children ?? []).flatMap(leavesOf) : [q];
}

function rulesWords(rules: readonly PlacedRule[], model: FormModel): string {
  return rules
    .map((placed) => {
      const mapped = enableWhenOf(placed.rule, model);
      return mapped?.mapped ? joined(mapped.enableWhen, mapped.behavior, model) : `a rule at ${placed.pointer}/rule`;
    })
    .join('; and ');
}

/** "yes", "when safe_to_talk is yes", or "no". */
export function requiredWords(q: Question, model: FormModel): string {
  if (q.required === 'always') return 'yes';
  if (q.required === 'never') return 'no';
  return `when ${q.requiredIf.map((condition) => conditionWords(condition, q, model)).join('; or when ')}`;
}

/** "0 to 120", "at least 1", "less than 10"; for a multiple choice, how many may be chosen. */
export function rangeWords(q: Question): string {
  const c = q.constraints;
  const low = bound(c.minimum, 'at least') ?? bound(c.exclusiveMinimum, 'more than');
  const high = bound(c.maximum, 'at most') ?? bound(c.exclusiveMaximum, 'less than');
  if (typeof c.minimum === 'number' && typeof c.maximum === 'number') return `${c.minimum} to ${c.maximum}`;
  const range = [low, high].filter(Boolean).join(' and ');
  if (range) return range;
  const items = [bound(c.minItems, 'choose at least'), bound(c.maxItems, 'choose at most')].filter(Boolean).join(' and ');
  return items;
}

/** "up to 500 characters", "2 to 50 characters", "at least 2 characters". */
export function lengthWords(q: Question): string {
  const { minLength: min, maxLength: max } = q.constraints;
  if (typeof min === 'number' && typeof max === 'number') return `${min} to ${max} characters`;
  if (typeof max === 'number') return `up to ${max} characters`;
  if (typeof min === 'number') return `at least ${min} characters`;
  return '';
}

function bound(value: unknown, words: string): string | undefined {
  return typeof value === 'number' ? `${words} ${value}` : undefined;
}

function conditionWords(condition: RequiredCondition, q: Question, model: FormModel): string {
  return condition
    .map(({ schema, negate, at }) => {
      const words = ifWords(schema, (key) => questionInCondition(model, q, at, key), model);
      return negate ? `not (${words})` : words;
    })
    .join(' and ');
}

/** An `if` over the answers (`{ properties: { a: {…} }, required: [...] }`) in words, as far as it maps. */
function ifWords(schema: unknown, named: (key: string) => Question | undefined, model: FormModel): string {
  const props = own(schema, 'properties');
  if (!isObject(props)) return 'a condition in the schema';
  const parts: string[] = [];
  for (const key of Object.keys(props)) {
    const target = named(key);
    const part = target ? enableWhenForSchema(target, props[key]) : undefined;
    parts.push(part ? joined(part.list, part.behavior, model) : `a condition on ${key}`);
  }
  return parts.join(' and ') || 'a condition in the schema';
}

function joined(list: readonly FhirEnableWhen[], behavior: 'all' | 'any', model: FormModel): string {
  return list.map((e) => clause(e)).join(behavior === 'all' ? ' and ' : ' or ');
}

const OPERATOR_WORDS: Record<FhirEnableWhen['operator'], string> = {
  '=': 'is', '!=': 'is not', '>': 'is more than', '<': 'is less than', '>=': 'is at least', '<=': 'is at most', exists: 'is answered',
};

function clause(e: FhirEnableWhen): string {
  if (e.operator === 'exists') return `${e.question} ${e.answerBoolean === false ? 'is not answered' : 'is answered'}`;
  let value: string;
  if (e.answerBoolean !== undefined) value = e.answerBoolean ? 'yes' : 'no';
  else if (e.answerCoding) value = e.answerCoding.code; // codes, as the CSV columns hold them
  else value = String(e.answerInteger ?? e.answerDecimal ?? e.answerDate ?? e.answerDateTime ?? e.answerTime ?? e.answerString ?? '');
  return `${e.question} ${OPERATOR_WORDS[e.operator]} ${value}`;
}
