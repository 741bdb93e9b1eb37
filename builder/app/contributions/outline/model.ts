import { allQuestions, neighbourPlace, type ConditionOp, type Outline, type OutlineItem, type OutlineQuestion, type RawDefinition } from '../../services/edits/index';
import type { Selection } from '../../services/workspace';

/** Pure helpers the outline view and the edit commands share. */

/** Where a new question goes: after the selected item (or the object group of a selected question in it), at the end of the selected section, or the last section. */
export function insertionPoint(outline: Outline, selection: Selection | undefined): { section: number; index: number } | undefined {
  if (outline.sections.length === 0) return undefined;
  // From a question inside an object group: after the group.
  if (selection?.kind === 'member') selection = objectItemSelection(outline, selection.object);
  if (selection?.kind === 'item' && outline.sections[selection.section]) return { section: selection.section, index: selection.index + 1 };
  if (selection?.kind === 'section' && outline.sections[selection.section]) {
    return { section: selection.section, index: outline.sections[selection.section]!.items.length };
  }
  const last = outline.sections.length - 1;
  return { section: last, index: outline.sections[last]!.items.length };
}

/** The selection of a question shown under an outline row: a repeatable group's item, or an object group's question. */
export function childSelection(q: OutlineQuestion): Selection | undefined {
  if (q.group !== undefined) return { kind: 'child', group: q.group, key: q.key };
  if (q.object !== undefined) return { kind: 'member', object: q.object, key: q.key };
  return undefined;
}

/** The outline row of the object group showing an object (the form itself when none does). */
export function objectItemSelection(outline: Outline, object: string): Selection {
  for (const section of outline.sections) {
    for (const item of section.items) if (item.question?.kind === 'object' && item.question.key === object) return { kind: 'item', section: section.index, index: item.index };
  }
  return { kind: 'form' };
}

export function selectedItem(outline: Outline, selection: Selection | undefined): OutlineItem | undefined {
  if (selection?.kind !== 'item') return undefined;
  return outline.sections[selection.section]?.items[selection.index];
}

/** After a delete, select the neighbour so the keyboard user keeps their place. */
export function selectionAfterDelete(outline: Outline, selection: Selection): Selection {
  if (selection.kind === 'item') {
    const items = outline.sections[selection.section]?.items ?? [];
    if (items.length > 1) return { kind: 'item', section: selection.section, index: Math.min(selection.index, items.length - 2) };
    return { kind: 'section', section: selection.section };
  }
  if (selection.kind === 'section') return outline.sections.length > 1 ? { kind: 'section', section: Math.max(0, selection.section - 1) } : { kind: 'form' };
  return { kind: 'form' };
}

export function moveTarget(def: RawDefinition, selection: Selection | undefined, direction: -1 | 1): { from: { section: number; index: number }; to: { section: number; index: number } } | undefined {
  if (selection?.kind !== 'item') return undefined;
  const from = { section: selection.section, index: selection.index };
  const to = neighbourPlace(def, from, direction);
  return to ? { from, to } : undefined;
}

export interface ConditionChoice {
  key: string;
  label: string;
  /** The answers "is" and "is one of" pick from (empty for numbers and text). */
  values: Array<{ value: unknown; label: string }>;
  /** What can be asked of its answer. */
  ops: ConditionOp[];
}

/** The words of each condition, as the show-when editor offers them. */
export const conditionOpLabels: Record<ConditionOp, string> = {
  is: 'is',
  'one-of': 'is one of',
  answered: 'is answered',
  'at-least': 'is at least',
  'at-most': 'is at most',
};

function choiceOf(q: OutlineQuestion): ConditionChoice | undefined {
  const base = { key: q.key, label: q.label };
  if (q.computed?.op === 'band') return { ...base, values: q.computed.bands.map((b) => ({ value: b.code, label: b.title })), ops: ['is', 'one-of'] };
  if (q.computed) return { ...base, values: [], ops: ['at-least', 'at-most'] };
  switch (q.kind) {
    case 'yes-no':
      return { ...base, values: [{ value: true, label: 'Yes' }, { value: false, label: 'No' }], ops: ['is', 'answered'] };
    case 'single-choice':
    case 'multiple-choice':
      return { ...base, values: q.options.map((o) => ({ value: o.code, label: o.label })), ops: ['is', 'one-of', 'answered'] };
    case 'number':
      return { ...base, values: [], ops: ['at-least', 'at-most', 'answered'] };
    case 'text':
    case 'long-text':
    case 'date':
    case 'time':
      return { ...base, values: [], ops: ['answered'] };
    default:
      return undefined;
  }
}

/**
 * Questions a show-when rule can watch, other than the element itself (and never group items,
 * whose answers live inside each repeat): answers, and computed totals and bands (issue 18.6).
 */
export function conditionChoices(outline: Outline, exceptKey?: string): ConditionChoice[] {
  return allQuestions(outline)
    .filter((q) => !q.group && q.object === undefined && q.key !== exceptKey)
    .flatMap((q) => choiceOf(q) ?? []);
}

/** The outline selection a problem's JSON pointer belongs to, so clicking a problem can reveal it there. */
export function selectionForPath(outline: Outline, path: string): Selection | undefined {
  for (const section of outline.sections) {
    for (const item of section.items) {
      if (path === item.uiPath || path.startsWith(item.uiPath + '/')) return { kind: 'item', section: section.index, index: item.index };
      // A group item's pointer lies inside its group's: the item is the closer place.
      for (const child of item.children ?? []) {
        if (path === child.schemaPath || path.startsWith(child.schemaPath + '/')) return childSelection(child)!;
      }
      const q = item.question;
      if (q && (path === q.schemaPath || path.startsWith(q.schemaPath + '/'))) return { kind: 'item', section: section.index, index: item.index };
    }
    if (section.categorized && (path === section.uiPath || path.startsWith(section.uiPath + '/'))) return { kind: 'section', section: section.index };
  }
  return undefined;
}

/**
 * What a screen reader hears after a move by keyboard or drag (issue 17.8): the element, its place
 * now and out of how many, and the section when there are several.
 */
export function moveAnnouncement(outline: Outline, selection: Selection): string | undefined {
  if (selection.kind === 'section') {
    const section = outline.sections[selection.section];
    return section ? `Moved “${section.label}” to position ${selection.section + 1} of ${outline.sections.length}` : undefined;
  }
  if (selection.kind === 'member') {
    const group = outline.sections.flatMap((s) => s.items).find((i) => i.question?.kind === 'object' && i.question.key === selection.object);
    const at = group?.children?.findIndex((c) => c.key === selection.key) ?? -1;
    return group && at >= 0 ? `Moved “${group.children![at]!.label}” to position ${at + 1} of ${group.children!.length} in “${group.label}”` : undefined;
  }
  if (selection.kind !== 'item') return undefined;
  const section = outline.sections[selection.section];
  const item = section?.items[selection.index];
  if (!section || !item) return undefined;
  const where = outline.sections.length > 1 ? ` in “${section.label}”` : '';
  return `Moved “${item.label || 'the element'}” to position ${selection.index + 1} of ${section.items.length}${where}`;
}

/** Every question of a form with the outline selection that shows it (Ctrl+P goes to questions too). */
export function questionPlaces(outline: Outline): Array<{ label: string; key: string; selection: Selection }> {
  return outline.sections.flatMap((section) =>
    section.items.flatMap((item) => [
      ...(item.question ? [{ label: item.label, key: item.question.key, selection: { kind: 'item', section: section.index, index: item.index } as Selection }] : []),
      ...(item.children ?? []).map((child) => ({ label: child.label, key: `${child.group ?? child.object}.${child.key}`, selection: childSelection(child)! })),
    ]),
  );
}

/**
 * Where Design shows a problem: its element in the outline, or the form's own fields (title,
 * description, source, change note, safety check) for a pointer at the form's top level.
 */
export function designSelectionForPath(outline: Outline, path: string, def?: RawDefinition): Selection | undefined {
  const own = selectionForPath(outline, path);
  if (own) return own;
  // An entry of the form's `required` list is about the question it names.
  const required = /^\/schema\/required\/(\d+)$/.exec(path);
  const schema = def?.schema;
  const list = required && typeof schema === 'object' && schema !== null && !Array.isArray(schema) ? (schema as { required?: unknown }).required : undefined;
  const key = Array.isArray(list) ? list[Number(required![1])] : undefined;
  const named = typeof key === 'string' ? questionPlaces(outline).find((q) => q.key === key) : undefined;
  if (named) return named.selection;
  return path === '' || /^\/(title|description|source|changelog|safety)(\/|$)/.test(path) ? { kind: 'form' } : undefined;
}
