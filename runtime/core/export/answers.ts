import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import { withoutHiddenAnswers } from '../rules/visibility';
import { computeValue } from './computed';
import { sensitiveQuestions, treatmentOf, MASK, type ExportProfileName, type ProfileActions } from './profiles';
import { answerIn, formModel } from '../model/build';
import { levelAnswers, siblingsOf } from '../model/levels';
import { isObject } from '../model/json';
import type { FormModel, Question } from '../model/types';

/** One answer as an export sees it, after the profile. */
export type Cell =
  | { kind: 'value'; value: unknown }
  | { kind: 'absent' }
  | { kind: 'masked' }
  | { kind: 'dropped' };

const ABSENT: Cell = { kind: 'absent' };
const MASKED: Cell = { kind: 'masked' };
const DROPPED: Cell = { kind: 'dropped' };

/** Everything an exporter needs about a form, worked out once per export. */
export interface ExportContext {
  definition: Definition;
  model: FormModel;
  /** The questions of the top-level answers, objects opened (groups carry their items), in column order. */
  questions: Question[];
  profile: ExportProfileName;
  sensitive: ReadonlyMap<Question, ProfileActions>;
}

export function exportContext(definition: Definition, profile: ExportProfileName = 'full'): ExportContext {
  const model = formModel(definition);
  return { definition, model, questions: model.fields, profile, sensitive: sensitiveQuestions(model) };
}

/**
 * The answer to `question` in `answers` (the response's top-level answers, or one group item's),
 * at its path (inside objects too), own properties only. Computed questions are computed from
 * `root` (the top-level answers).
 */
export function cellOf(ctx: ExportContext, question: Question, answers: Record<string, unknown>, root: Record<string, unknown> = answers): Cell {
  const treatment = treatmentOf(ctx.profile, question, ctx.sensitive);
  if (treatment === 'drop') return DROPPED;
  const stored = answerIn(answers, question);
  const level = levelAnswers(question, root);
  const value = question.computed ? computeValue(question, siblingsOf(ctx.model, question), isObject(level) ? level : {}, stored) : stored;
  if (value === undefined || value === null) return ABSENT;
  return treatment === 'mask' ? MASKED : { kind: 'value', value };
}

/**
 * The response as exports see it: answers to questions hidden by a rule or the safety check
 * removed (what the practitioner did not see is never exported, whatever the file holds).
 */
export function shownResponse(ctx: ExportContext, response: ResponseEnvelope): ResponseEnvelope {
  const answers = withoutHiddenAnswers(ctx.definition, response.answers);
  return answers === response.answers ? response : { ...response, answers };
}

/** Group items as records, own properties only; anything else in the array is skipped. */
export function groupItems(value: unknown): Record<string, unknown>[] {
  return groupEntries(value).map((e) => e.item);
}

/** Group items with their index in the answer array (as in the pointer `/group/<index>/key`). */
export function groupEntries(value: unknown): Array<{ item: Record<string, unknown>; index: number }> {
  if (!Array.isArray(value)) return [];
  const out: Array<{ item: Record<string, unknown>; index: number }> = [];
  value.forEach((v, index) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.push({ item: v as Record<string, unknown>, index });
  });
  return out;
}

/**
 * The answers a JSON export carries: questions of the definition only, in definition order,
 * with computed values computed, and the profile applied (dropped keys left out, masked values
 * written as {@link MASK}). Built on a fresh object with keys from the definition alone, so a
 * hostile key in the stored answers never reaches the output or a prototype.
 */
export function projectAnswers(ctx: ExportContext, answers: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of ctx.questions) {
    const cell = cellOf(ctx, q, answers);
    if (cell.kind === 'dropped' || cell.kind === 'absent') continue;
    if (cell.kind === 'masked') {
      setAt(out, q.path, MASK);
      continue;
    }
    if (q.kind === 'group' && q.items) {
      const items = q.items;
      setAt(out, q.path, groupItems(cell.value).map((item) => {
        const row: Record<string, unknown> = {};
        for (const iq of items) {
          const c = cellOf(ctx, iq, item);
          if (c.kind === 'value') setAt(row, iq.path, c.value);
          else if (c.kind === 'masked') setAt(row, iq.path, MASK);
        }
        return row;
      }));
    } else setAt(out, q.path, cell.value);
  }
  return out;
}

/** Writes `value` at `path` (a question's, so keys from the definition), making the objects on the way. */
function setAt(out: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = out;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node = node[key] = (next !== null && typeof next === 'object' ? next : {}) as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}
