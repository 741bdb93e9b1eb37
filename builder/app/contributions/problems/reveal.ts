import type { Problem } from '../../../../runtime/core/index';
import { readOutline } from '../../services/edits/index';
import type { Workspace } from '../../services/workspace';
import { revealField } from '../outline/FieldProblems';
import { designSelectionForPath } from '../outline/model';
import { placeOfProblem } from '../outline/problemFields';
import { showInOutline } from '../outline/reveal';

/**
 * Shows where a problem is, where the user works. In Design: the field it is about (shown beside
 * it, with its quick fix), else the element it is about, selected in the outline; Design stays
 * (issue 17.8: F8 always left Design). Anything else opens the JSON view at its place. The Problems
 * panel and F8 both come here.
 */
export function revealProblem(ws: Workspace, docKey: string, problem: Problem): void {
  const doc = ws.state.docs[docKey];
  if (!doc) return;
  ws.setActive(docKey);
  const def = doc.parsed ?? doc.lastGood;
  const outline = def ? readOutline(def) : undefined;
  const place = outline ? placeOfProblem(outline, problem) : undefined;
  const selection = place?.selection ?? (outline && def ? designSelectionForPath(outline, problem.path, def) : undefined);
  if (selection && ws.state.view === 'design') {
    if (place) {
      ws.select(docKey, place.selection);
      ws.store.set({ sidebar: 'outline' });
      // After React has drawn the question's properties.
      requestAnimationFrame(() => revealField(place.field));
    } else showInOutline(ws, docKey, selection);
    ws.revealPath(docKey, problem.path, problem.line, problem.column, false);
    return;
  }
  if (selection) ws.select(docKey, selection);
  ws.revealPath(docKey, problem.path, problem.line, problem.column);
}
