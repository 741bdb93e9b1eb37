import { useMemo } from 'react';
import { DiffEditor } from '../../monaco/DiffEditor';
import { useStore } from '../../services/store';
import type { Workspace } from '../../services/workspace';
import { compareVersions } from '../../commands/file';
import { groupBySeverity, summarizeDiff } from './model';

const severityText = { major: 'Major changes (answers or exports change)', minor: 'Minor changes (new things to collect)', patch: 'Patch changes (wording and layout)' } as const;

/** Two versions side by side in Monaco's diff editor, with the changes in words beside them. */
export function DiffView({ ws, tab }: { ws: Workspace; tab: string }) {
  const diff = useStore(ws.store, (s) => s.diffs[tab]);
  const theme = useStore(ws.store, (s) => s.theme);
  const forms = useStore(ws.store, (s) => s.forms);
  const summary = useMemo(() => (diff?.leftText !== undefined && diff.rightText !== undefined ? summarizeDiff(diff.leftText, diff.rightText) : undefined), [diff?.leftText, diff?.rightText]);
  if (!diff) return <p className="view-empty">Nothing to compare.</p>;
  const versions = (forms.find((f) => f.id === diff.id)?.versions.map((v) => v.version) ?? []).sort(compareVersions);
  const pick = (side: 'left' | 'right', v: string) => {
    ws.closeTab(tab);
    void ws.openDiff(diff.id, side === 'left' ? v : diff.left, side === 'right' ? v : diff.right);
  };
  const selectable = versions.includes(diff.left) && versions.includes(diff.right);
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-toolbar">
        <h2>
          {diff.id}: {diff.left} → {diff.right}
        </h2>
        {selectable && (
          <>
            <label>
              From{' '}
              <select value={diff.left} onChange={(e) => pick('left', e.target.value)}>
                {versions.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
            <label>
              To{' '}
              <select value={diff.right} onChange={(e) => pick('right', e.target.value)}>
                {versions.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
          </>
        )}
      </div>
      <div className="diff-body">
        <div className="diff-editor">{diff.leftText !== undefined && diff.rightText !== undefined && <DiffEditor left={diff.leftText} right={diff.rightText} theme={theme} label={`Differences between ${diff.left} and ${diff.right}`} />}</div>
        <section className="diff-changes" aria-labelledby="changes-title" data-testid="diff-changes">
          <h3 id="changes-title">Changes</h3>
          {summary?.error && <p className="view-note">{summary.error}</p>}
          {summary && !summary.error && summary.changes.length === 0 && <p className="view-empty">No changes to questions, options or layout.</p>}
          {summary && summary.bump !== 'none' && !summary.error && (
            <p className="diff-suggestion">
              These changes call for a <strong>{summary.bump}</strong> version: at least <strong>{summary.suggested}</strong>.
            </p>
          )}
          {summary &&
            groupBySeverity(summary.changes).map((g) => (
              <div key={g.severity}>
                <h4>{severityText[g.severity]}</h4>
                <ul>
                  {g.changes.map((c, i) => (
                    <li key={i} data-kind={c.kind}>
                      {c.summary}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </section>
      </div>
    </div>
  );
}
