import type { Definition } from '../definition/envelope';
import type { ResponseEnvelope } from '../response/envelope';
import type { Question } from '../model/types';
import { pointerFromTokens, tokensFromPointer } from '../model/pointers';
import { cellOf, exportContext, groupEntries, projectAnswers, shownResponse, type ExportContext } from './answers';
import type { ExportProfileName } from './profiles';
import { bandTitle } from '../rules/computed';

/**
 * A stored response as a person reads it (the data team's Responses page): each answer under its
 * question's label, option codes as their labels, after the export profile, exactly as an export
 * with that profile would carry it (the same cells, so a page never shows what an export leaves out).
 * @public
 */
export interface LabelledAnswer {
  /** Pointer of the answer in the response's answers: `/childAge`, `/children/0/age`. */
  pointer: string;
  code: string;
  label: string;
  /** `masked`: the profile hides the value; `absent`: not answered. Dropped answers are not listed. */
  state: 'value' | 'masked' | 'absent';
  text?: string;
  /** A repeatable group's items, each its own list. */
  items?: LabelledAnswer[][];
}

const labelOf = (q: Question): string => q.title ?? q.key;

function textOf(q: Question, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => textOf(q, v)).join(', ');
  const option = q.options.find((o) => Object.is(o.value, value) || o.code === String(value));
  if (option) return option.label;
  if (q.yesNo && typeof value === 'boolean') return value ? 'Yes' : 'No';
  const band = bandTitle(q.computed, value);
  if (band !== undefined) return band;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function answerOf(ctx: ExportContext, q: Question, answers: Record<string, unknown>, base: string, root: Record<string, unknown>): LabelledAnswer | undefined {
  const cell = cellOf(ctx, q, answers, root);
  const pointer = base + pointerFromTokens(q.path);
  const head = { pointer, code: q.exportCode, label: labelOf(q) };
  if (cell.kind === 'dropped') return undefined;
  if (cell.kind !== 'value') return { ...head, state: cell.kind };
  if (q.kind === 'group' && q.items) {
    const items = q.items;
    const rows = groupEntries(cell.value).map(({ item, index }) => items.flatMap((iq) => answerOf(ctx, iq, item, `${pointer}/${index}`, root) ?? []));
    return { ...head, state: 'value', items: rows };
  }
  return { ...head, state: 'value', text: textOf(q, cell.value) };
}

/** @public */
export function labelledAnswers(definition: Definition, response: ResponseEnvelope, profile: ExportProfileName): LabelledAnswer[] {
  const ctx = exportContext(definition, profile);
  const { answers } = shownResponse(ctx, response);
  return ctx.questions.flatMap((q) => answerOf(ctx, q, answers, '', answers) ?? []);
}

/** One operation of a response's history (RFC 6902), as the store's audit gives it. */
export interface HistoryOp {
  op: string;
  path: string;
  value?: unknown;
}

/**
 * A history's operations after an export profile: a change to an answer the profile leaves out
 * is not shown at all (even that it changed tells where to look), a masked one keeps its path
 * with the value masked. Each keeps the question's label beside its path.
 * @public
 */
export function historyUnderProfile(definition: Definition, ops: readonly HistoryOp[], profile: ExportProfileName): Array<HistoryOp & { label?: string }> {
  const ctx = exportContext(definition, profile);
  return ops.flatMap((op) => {
    const [first, key] = tokensFromPointer(op.path);
    if (first !== 'answers') return [op];
    if (key === undefined) {
      // The whole answers object at once: projected as an export would write it.
      return 'value' in op ? [{ ...op, value: projectAnswers(ctx, (op.value ?? {}) as Record<string, unknown>) }] : [op];
    }
    const q = ctx.model.byKey.get(key);
    if (!q) return profile === 'full' ? [op] : [];
    const label = labelOf(q);
    if (!('value' in op)) return cellOf(ctx, q, {}).kind === 'dropped' ? [] : [{ ...op, label }];
    // A value deeper than the answer (an item of a group) is judged as the whole answer holding it.
    const whole = tokensFromPointer(op.path).length === 2 ? op.value : undefined;
    const projected = projectAnswers(ctx, whole === undefined ? {} : { [key]: whole });
    if (whole === undefined) return profile === 'full' ? [{ ...op, label }] : [];
    if (!Object.hasOwn(projected, key)) return cellOf(ctx, q, { [key]: whole }).kind === 'dropped' ? [] : [{ ...op, label, value: null }];
    return [{ ...op, label, value: projected[key] }];
  });
}
