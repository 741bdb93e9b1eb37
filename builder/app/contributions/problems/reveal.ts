import type { Problem } from '../../../../runtime/core/index';
import { readOutline } from '../../services/edits/index';
import type { Workspace } from '../../services/workspace';
import { designSelectionForPath } from '../outline/model';
import { showInOutline } from '../outline/reveal';

/**
 * Shows where a problem is. In Design, a problem the outline can show selects its element there and
 * Design stays (issue 17.8: F8 always left Design); anything else opens the JSON view at its place.
 * The Problems panel and F8 both come here.
 */
export function revealProblem(ws: Workspace, docKey: string, problem: Problem): void {
  const doc = ws.state.docs[docKey];
  if (!doc) return;
  ws.setActive(docKey);
  const def = doc.parsed ?? doc.lastGood;
  const selection = def ? designSelectionForPath(readOutline(def), problem.path, def) : undefined;
  if (selection && ws.state.view === 'design') {
    showInOutline(ws, docKey, selection);
    ws.revealPath(docKey, problem.path, problem.line, problem.column, false);
    return;
  }
  if (selection) ws.select(docKey, selection);
  ws.revealPath(docKey, problem.path, problem.line, problem.column);
}
