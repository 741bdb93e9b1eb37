import { quickFixesFor } from '../../services/edits/index';
import { countProblems, isReadOnly, problemCountText } from '../../services/document';
import { applyQuickFix } from '../../services/quickFix';
import { useStore } from '../../services/store';
import type { Workspace } from '../../services/workspace';
import { problemRows, type ProblemRow } from './model';
import { revealProblem } from './reveal';
import { Icon } from '../../shell/Icon';

/**
 * Lint problems of the open forms, each with its quick fixes. A click reveals the problem where
 * the user works: in Design, the question's field it is about (or the form's version area); in
 * the JSON view, its place in the text.
 */
export function ProblemsView({ ws }: { ws: Workspace }) {
  const docs = useStore(ws.store, (s) => s.docs);
  const rows = problemRows(Object.values(docs));
  const counts = countProblems(rows.map((r) => r.problem));
  const reveal = (row: ProblemRow) => revealProblem(ws, row.doc, row.problem);
  return (
    <section className="panel-view" aria-labelledby="problems-title">
      <header className="view-header">
        <h2 id="problems-title" tabIndex={-1}>
          Problems <span className="count">{problemCountText(counts)}</span>
        </h2>
      </header>
      {rows.length === 0 ? (
        <p className="view-empty" data-testid="problems-empty">No problems in the open forms.</p>
      ) : (
        <ul className="problems-list" data-testid="problems">
          {rows.map((row, i) => {
            const doc = docs[row.doc];
            const fixes = doc && !isReadOnly(doc) ? quickFixesFor(doc.parsed, row.problem) : [];
            return (
              <li key={`${row.doc}-${i}`} className="problem-row">
                <button type="button" className={`problem problem-${row.problem.severity}`} onClick={() => reveal(row)} data-code={row.problem.code}>
                  <span className="problem-icon">
                    <Icon name={row.problem.severity} label={row.problem.severity} />
                  </span>
                  <span className="problem-message">{row.problem.message}</span>
                  <span className="problem-meta">
                    {row.problem.code} · {row.title}
                    {/* A problem about the whole file (a removed question) has no line of its own: it is the version's. */}
                    {row.problem.path === '' ? ' · the version' : row.problem.line ? ` [${row.problem.line}:${row.problem.column ?? 1}]` : ''}
                  </span>
                </button>
                {fixes.map((fix) => (
                  <button key={fix.id} type="button" className="secondary-button quick-fix" data-fix={fix.id} onClick={() => applyQuickFix(ws, row.doc, row.problem, fix, 'panel')}>
                    {fix.label}
                  </button>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

