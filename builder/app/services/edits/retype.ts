import { computedReads } from '../../../../runtime/core/index';
import { isObject, own, ownObject, type JsonObject } from './json';
import { kindLabels, kindOf, readOptions, schemaForKind, writeOptions, optionsHolder, type QuestionKind } from './kinds';
import { controlOf } from './limits';
import { modelOf, questionOf } from './model';
import { clone, holderOf, type QuestionRef, type RawDefinition } from './questions';

/** The kinds a question can be changed to (a repeatable group holds questions, so it is made, not converted). */
export const retypeKinds = ['single-choice', 'multiple-choice', 'text', 'long-text', 'number', 'date', 'time', 'yes-no'] as const satisfies readonly QuestionKind[];
export type RetypeKind = (typeof retypeKinds)[number];

/** What every kind keeps: the wording, the code, the help and the level. */
const CARRIED = ['title', 'description', 'x-code', 'x-sensitivity', 'x-help', 'i18n'];
const isChoice = (k: string) => k === 'single-choice' || k === 'multiple-choice';
const isText = (k: string) => k === 'text' || k === 'long-text';

/**
 * What changing a question's kind leaves behind, in a policy lead's words, so the Design view can
 * say so before the change (issue 17.5): options and their scores, a number's range, a text's
 * length, and the rules and totals that read its answers (which then need checking).
 */
export function retypeLosses(def: RawDefinition, ref: QuestionRef, to: RetypeKind): string[] {
  const q = questionOf(def, ref);
  const from = kindOf(q);
  if (!q || from === to) return [];
  const losses: string[] = [];
  if (isChoice(from) && !isChoice(to) && q.options.length) {
    losses.push(`its options (${q.options.map((o) => o.label).join(', ')})${q.options.some((o) => o.score !== undefined) ? ' and their scores' : ''}`);
  }
  if (from === 'number' && (own(q.schema, 'minimum') !== undefined || own(q.schema, 'maximum') !== undefined)) losses.push('its number range');
  if (isText(from) && !isText(to) && own(q.schema, 'maxLength') !== undefined) losses.push('its maximum length');
  const model = modelOf(def);
  if (!ref.group && !ref.object && model.ruleReads?.has(q.key)) losses.push('the show-when conditions that read its answer may no longer match (check them)');
  const totals = ref.object ? [] : model.questions.filter((c) => c.computed && computedReads(c.computed).includes(q.key));
  if (!ref.group && !ref.object && totals.length) losses.push(`${totals.map((t) => `“${t.title ?? t.key}”`).join(', ')} reads it and may need changing`);
  losses.push(`answers already collected as ${kindLabels[from === 'unknown' ? 'unknown' : from].toLowerCase()} will not fit the new type (for a published form, this needs a major version)`);
  return losses;
}

/** Changes a question's kind, keeping what carries over (wording, code, help, level; options between the two choices; length between the two texts). */
export function changeKind(input: RawDefinition, ref: QuestionRef, to: RetypeKind): RawDefinition {
  const q = questionOf(input, ref);
  if (!q) throw new RangeError(`No question ${ref.key}`);
  const from = kindOf(q);
  if (from === to) return input;
  const def = clone(input);
  const holder = ownObject(holderOf(def, ref), 'properties');
  const old = ownObject(holder, ref.key);
  if (!holder || !old) throw new RangeError(`No question ${ref.key}`);
  const next: JsonObject = schemaForKind(to, '', '');
  delete next.title;
  delete next['x-code'];
  for (const k of CARRIED) if (Object.prototype.hasOwnProperty.call(old, k)) next[k] = old[k];
  if (isChoice(from) && isChoice(to) && optionsHolder(old, from)) writeOptions(next, to, readOptions(q));
  // A length the policy lead set carries over; the old kind's default gives way to the new kind's.
  const length = own(old, 'maxLength');
  if (isText(from) && isText(to) && typeof length === 'number' && length !== own(schemaForKind(from, '', ''), 'maxLength')) next.maxLength = length;
  holder[ref.key] = next;
  const control = controlOf(def, ref);
  const options = ownObject(control, 'options');
  if (control && options) {
    delete options.multi;
    if (to !== 'single-choice') delete options.format;
    if (Object.keys(options).length === 0) delete control.options;
  }
  if (control && to === 'long-text') control.options = { ...(isObject(control.options) ? control.options : {}), multi: true };
  return def;
}
