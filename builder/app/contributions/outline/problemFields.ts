import type { Problem } from '../../../../runtime/core/index';
import type { Outline, OutlineQuestion } from '../../services/edits/index';
import type { Selection } from '../../services/workspace';
import { selectionForPath } from './model';

/**
 * Where in Design a problem is shown (issue 17.6): the outline selection it belongs to and the
 * field of the properties form beside which it is listed. Pure: the Problems panel, the outline's
 * badges and the properties form read the same answer.
 */
export type FieldId =
  | 'question' | 'label' | 'hint' | 'options' | 'limits' | 'required' | 'sensitivity' | 'code' | 'show-when' | 'computed'
  | 'versions' | 'gate' | 'title';

export interface ProblemPlace {
  selection: Selection;
  field: FieldId;
}

/** Problems about the version as a whole: shown in the form settings' version area, not at line 1. */
const VERSION_CODES = new Set(['code-dropped', 'version-bump-too-small', 'version-mismatch', 'change-note-missing', 'hash-mismatch', 'hash-unrecorded']);

const schemaFields: Array<[RegExp, FieldId]> = [
  [/^\/(title)$/, 'label'],
  [/^\/(description|x-help)$/, 'hint'],
  [/^(\/items)?\/(oneOf|anyOf|enum|x-yes-no|x-exclusive)(\/|$)/, 'options'],
  [/^\/x-code$/, 'code'],
  [/^\/x-sensitivity$/, 'sensitivity'],
  [/^\/(x-computed|readOnly)(\/|$)/, 'computed'],
  [/^\/(items\/)?(minimum|maximum|exclusiveMinimum|exclusiveMaximum|minLength|maxLength|minItems|maxItems|pattern|format|multipleOf)$/, 'limits'],
];

function within(path: string, base: string): string | undefined {
  return path === base || path.startsWith(base + '/') ? path.slice(base.length) : undefined;
}

function questionField(rest: string): FieldId {
  return schemaFields.find(([re]) => re.test(rest))?.[1] ?? 'question';
}

/** The outline question (top level or a group's item) a selection shows. */
export function selectedQuestion(outline: Outline, selection: Selection): OutlineQuestion | undefined {
  if (selection.kind === 'item') return outline.sections[selection.section]?.items[selection.index]?.question;
  if (selection.kind === 'child') {
    for (const s of outline.sections) for (const i of s.items) for (const c of i.children ?? []) if (c.group === selection.group && c.key === selection.key) return c;
  }
  if (selection.kind === 'member') {
    for (const s of outline.sections) for (const i of s.items) for (const c of i.children ?? []) if (c.object === selection.object && c.key === selection.key) return c;
  }
  return undefined;
}

/** Where a required-list entry's question is (`/schema/required/2` names it by value, in `params.key`). */
function requiredPlace(outline: Outline, problem: Problem): ProblemPlace | undefined {
  const key = problem.params?.key;
  if (!/\/required\/\d+$/.test(problem.path) || typeof key !== 'string') return undefined;
  for (const section of outline.sections) {
    for (const item of section.items) {
      if (item.question?.key === key && !item.question.group) return { selection: { kind: 'item', section: section.index, index: item.index }, field: 'required' };
    }
  }
  return undefined;
}

export function placeOfProblem(outline: Outline, problem: Problem): ProblemPlace | undefined {
  const { path } = problem;
  if (VERSION_CODES.has(problem.code) || path === '/version' || path.startsWith('/changelog') || path.startsWith('/retired')) return { selection: { kind: 'form' }, field: 'versions' };
  if (path.startsWith('/safety')) return { selection: { kind: 'form' }, field: 'gate' };
  if (path === '/title' || path === '/description') return { selection: { kind: 'form' }, field: 'title' };
  const required = requiredPlace(outline, problem);
  if (required) return required;
  const selection = selectionForPath(outline, path);
  if (!selection) return undefined;
  if (selection.kind === 'section') return { selection, field: 'show-when' };
  if (selection.kind === 'item') {
    const item = outline.sections[selection.section]?.items[selection.index];
    const ui = item ? within(path, item.uiPath) : undefined;
    if (ui !== undefined) {
      // A control shown without the safety check is fixed by its show-when.
      if (ui.startsWith('/rule') || (ui === '' && problem.code === 'sensitive-ungated')) return { selection, field: 'show-when' };
      return { selection, field: ui === '/label' ? 'label' : 'question' };
    }
  }
  const q = selectedQuestion(outline, selection);
  const rest = q ? within(path, q.schemaPath) : undefined;
  return { selection, field: rest === undefined ? 'question' : questionField(rest) };
}

const sameSelection = (a: Selection, b: Selection) => JSON.stringify(a) === JSON.stringify(b);

/** The problems of one selection, by the field they are shown beside. */
export function problemsByField(outline: Outline, problems: readonly Problem[], selection: Selection): Map<FieldId, Problem[]> {
  const out = new Map<FieldId, Problem[]>();
  for (const p of problems) {
    const place = placeOfProblem(outline, p);
    if (!place || !sameSelection(place.selection, selection)) continue;
    out.set(place.field, [...(out.get(place.field) ?? []), p]);
  }
  return out;
}

/** Errors and warnings per outline row (keyed by the row's selection as JSON), for the badges. */
export function problemCountsByRow(outline: Outline, problems: readonly Problem[]): Map<string, { errors: number; warnings: number }> {
  const out = new Map<string, { errors: number; warnings: number }>();
  for (const p of problems) {
    const place = placeOfProblem(outline, p);
    if (!place || p.severity === 'info') continue;
    const key = JSON.stringify(place.selection);
    const counts = out.get(key) ?? { errors: 0, warnings: 0 };
    if (p.severity === 'error') counts.errors++;
    else counts.warnings++;
    out.set(key, counts);
  }
  return out;
}
