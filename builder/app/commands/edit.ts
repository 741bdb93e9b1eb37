import { insertionPoint, moveAnnouncement, moveTarget, objectItemSelection, selectionAfterDelete } from '../contributions/outline/model';
import { isReadOnly } from '../services/document';
import { addComputed, addGuidance, addObjectGroup, addQuestion, addSection, allQuestions, deleteGroupQuestion, deleteItem, deleteObjectQuestion, moveObjectQuestion, deleteSection, kindLabels, moveItem, moveSection, paletteKinds, readOutline, type PaletteKind, type QuestionRef } from '../services/edits/index';
import type { Selection, Workspace } from '../services/workspace';
import type { Command } from './registry';

const editable = (ws: Workspace) => {
  const doc = ws.activeDoc();
  return !!doc && !!doc.parsed && !isReadOnly(doc);
};

/** Adds an element of a kind where the selection says, then selects it for its properties. */
export function addFromPalette(ws: Workspace, kind: PaletteKind): void {
  const doc = ws.activeDoc();
  if (!doc?.parsed) return;
  const outline = readOutline(doc.parsed);
  if (kind === 'section') {
    if (ws.edit(doc.key, (d) => addSection(d).definition)) ws.select(doc.key, { kind: 'section', section: readOutline(ws.activeDoc()!.parsed!).sections.length - 1 });
    return;
  }
  const at = insertionPoint(outline, ws.state.selection[doc.key]);
  if (!at) {
    ws.toast('Add a section first.', 'error');
    return;
  }
  const ok = ws.edit(doc.key, (d) => {
    if (kind === 'guidance') return addGuidance(d, at);
    if (kind === 'object') return addObjectGroup(d, at).definition;
    if (kind === 'computed') return addComputed(d, at).definition;
    return addQuestion(d, kind, { ...at, label: `New ${kindLabels[kind].toLowerCase()} question` }).definition;
  });
  if (ok) ws.select(doc.key, { kind: 'item', ...at });
}

/** Asks first (issue 17): the confirmation names what the deletion takes with it. */
export function deleteSelection(ws: Workspace): void {
  const doc = ws.activeDoc();
  const selection = doc && ws.state.selection[doc.key];
  if (!doc?.parsed || !selection || selection.kind === 'form' || isReadOnly(doc)) return;
  ws.store.set({ dialog: { kind: 'confirm-delete', doc: doc.key, selection } });
}

/** The questions a selection holds, as references for `deletionImpact`. */
export function questionsIn(outline: ReturnType<typeof readOutline>, selection: Selection): QuestionRef[] {
  if (selection.kind === 'child') return [{ key: selection.key, group: selection.group }];
  if (selection.kind === 'member') return [{ key: selection.key, object: selection.object }];
  const items = selection.kind === 'item' ? [outline.sections[selection.section]?.items[selection.index]] : selection.kind === 'section' ? outline.sections[selection.section]?.items ?? [] : [];
  return items.flatMap((i) => (i?.question ? [{ key: i.question.key }] : []));
}

/** What the selection is called in the confirmation and the toast. */
export function selectionLabel(outline: ReturnType<typeof readOutline>, selection: Selection): string {
  if (selection.kind === 'item') return outline.sections[selection.section]?.items[selection.index]?.label ?? 'the element';
  if (selection.kind === 'child') return allQuestions(outline).find((q) => q.group === selection.group && q.key === selection.key)?.label ?? selection.key;
  if (selection.kind === 'member') return allQuestions(outline).find((q) => q.object === selection.object && q.key === selection.key)?.label ?? selection.key;
  if (selection.kind === 'section') return outline.sections[selection.section]?.label ?? 'the section';
  return 'the form';
}

export function deleteSelectionNow(ws: Workspace, key: string, selection: Selection): void {
  const doc = ws.state.docs[key];
  if (!doc?.parsed || selection.kind === 'form') return;
  const outline = readOutline(doc.parsed);
  const label = selectionLabel(outline, selection);
  const ok = ws.edit(doc.key, (d) => {
    if (selection.kind === 'item') return deleteItem(d, selection);
    if (selection.kind === 'child') return deleteGroupQuestion(d, selection.group, selection.key);
    if (selection.kind === 'member') return deleteObjectQuestion(d, selection.object, selection.key);
    return deleteSection(d, selection.section);
  });
  ws.store.set({ dialog: undefined });
  if (ok) {
    ws.select(doc.key, selection.kind === 'child' ? { kind: 'form' } : selection.kind === 'member' ? objectItemSelection(outline, selection.object) : selectionAfterDelete(outline, selection));
    ws.toast(`Deleted “${label}”.`, 'info', true);
  }
}

function move(ws: Workspace, direction: -1 | 1): void {
  const doc = ws.activeDoc();
  if (!doc?.parsed) return;
  const selection = ws.state.selection[doc.key];
  let moved: Selection | undefined;
  if (selection?.kind === 'member') {
    if (ws.edit(doc.key, (d) => moveObjectQuestion(d, selection.object, selection.key, direction))) moved = selection;
  } else if (selection?.kind === 'section') {
    const to = selection.section + direction;
    if (to >= 0 && to < readOutline(doc.parsed).sections.length && ws.edit(doc.key, (d) => moveSection(d, selection.section, to))) moved = { kind: 'section', section: to };
  } else {
    const target = moveTarget(doc.parsed, selection, direction);
    if (target && ws.edit(doc.key, (d) => moveItem(d, target.from, target.to))) moved = { kind: 'item', ...target.to };
  }
  if (!moved) return;
  ws.select(doc.key, moved);
  // A keyboard move changes nothing a screen reader would notice by itself: say where it went.
  const after = ws.state.docs[doc.key]?.parsed;
  const words = after && moveAnnouncement(readOutline(after), moved);
  if (words) ws.announce(words);
}

export const editCommands: Command[] = [
  { id: 'studio.edit.undo', title: 'Undo', category: 'Edit', keybinding: 'mod+z', global: true, run: (ws) => ws.undo() },
  { id: 'studio.edit.redo', title: 'Redo', category: 'Edit', keybinding: 'mod+shift+z', global: true, run: (ws) => ws.redo() },
  { id: 'studio.edit.redoY', title: 'Redo (Ctrl+Y)', category: 'Edit', keybinding: 'mod+y', global: true, run: (ws) => ws.redo() },
  { id: 'studio.outline.delete', title: 'Delete the selected element', category: 'Outline', enabled: editable, run: deleteSelection },
  { id: 'studio.outline.moveUp', title: 'Move the selected element up', category: 'Outline', keybinding: 'alt+up', enabled: editable, run: (ws) => move(ws, -1) },
  { id: 'studio.outline.moveDown', title: 'Move the selected element down', category: 'Outline', keybinding: 'alt+down', enabled: editable, run: (ws) => move(ws, 1) },
  ...paletteKinds.map(
    (kind): Command => ({
      id: `studio.outline.add.${kind}`,
      title: `Add ${kindLabels[kind].toLowerCase()}${kind === 'section' || kind === 'guidance' || kind === 'group' || kind === 'object' || kind === 'computed' ? '' : ' question'}`,
      category: 'Outline',
      enabled: editable,
      run: (ws) => addFromPalette(ws, kind),
    }),
  ),
];
