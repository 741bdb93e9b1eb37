import { countProblems } from '../../services/document';
import { useStore } from '../../services/store';
import type { Workspace } from '../../services/workspace';
import { problemRows, type ProblemRow } from './model';
import { revealProblem } from './reveal';
import { Icon } from '../../shell/Icon';


/** Lint problems of the open forms; a click reveals the place in the JSON view and the outline. */
export function ProblemsView({ ws }: { ws: Workspace }) {
  const docs = useStore(ws.store, (s) => s.docs);
  const rows = problemRows(Object.values(docs));
  const counts = countProblems(rows.map((r) => r.problem));
  const reveal = (row: ProblemRow) => revealProblem(ws, row.doc, row.problem);
  return (
    <section className="panel-view" aria-labelledby="problems-title">
      <header className="view-header">
        <h2 id="problems-title">
          Problems <span className="count">{counts.errors} errors, {counts.warnings} warnings</span>
        </h2>
      </header>
      {rows.length === 0 ? (
        <p className="view-empty" data-testid="problems-empty">No problems in the open forms.</p>
      ) : (
        <ul className="problems-list" data-testid="problems">
          {rows.map((row, i) => (
            <li key={`${row.doc}-${i}`}>
              <button type="button" className={`problem problem-${row.problem.severity}`} onClick={() => reveal(row)} data-code={row.problem.code}>
                <span className="problem-icon">
                  <Icon name={row.problem.severity} label={row.problem.severity} />
                </span>
                <span className="problem-message">{row.problem.message}</span>
                <span className="problem-meta">
                  {row.problem.code} · {row.title}
                  {row.problem.line ? ` [${row.problem.line}:${row.problem.column ?? 1}]` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
