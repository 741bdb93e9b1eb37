import type { Problem } from '../../../runtime/core/index';
import { quickFixesFor, type QuickFix } from './edits/index';
import { renumberDraft } from './lifecycle';
import type { Workspace } from './workspace';

/**
 * Applies a quick fix (services/edits/quickFixes.ts) from wherever it is offered: beside a field
 * or in the Problems panel. Edits go through `ws.edit`, so Ctrl+Z undoes them; renumbering is the
 * draft's renumber action (a file rename). A fix that needs a reason asks for it first.
 */
export function applyQuickFix(ws: Workspace, docKey: string, problem: Problem, fix: QuickFix, from: 'panel' | 'field'): void {
  if (fix.needsReason) {
    ws.store.set({ dialog: { kind: 'quick-fix-reason', doc: docKey, problem, from } });
    return;
  }
  if (fix.renumberTo) {
    void renumberDraft(ws, docKey, fix.renumberTo);
    return;
  }
  if (ws.edit(docKey, (d) => fix.apply(d))) done(ws, fix, from);
}

/** The reason dialog's answer: the fix is found again on the text as it is now, then applied. */
export function applyQuickFixWithReason(ws: Workspace, docKey: string, problem: Problem, reason: string, from: 'panel' | 'field'): boolean {
  const doc = ws.state.docs[docKey];
  const fix = quickFixesFor(doc?.parsed, problem).find((f) => f.needsReason);
  ws.store.set({ dialog: undefined });
  if (!fix) return false;
  const ok = ws.edit(docKey, (d) => fix.apply(d, { reason }));
  if (ok) done(ws, fix, from);
  return ok;
}

function done(ws: Workspace, fix: QuickFix, from: 'panel' | 'field'): void {
  ws.toast(`Done: ${fix.label.charAt(0).toLowerCase()}${fix.label.slice(1)}.`, 'info', true);
  // The fix's button goes with its problem: focus goes to the heading of where the user was, not to the page.
  requestAnimationFrame(() => document.getElementById(from === 'panel' ? 'problems-title' : 'props-title')?.focus());
}
