import { useMemo } from 'react';
import { DiffEditor } from '../../monaco/DiffEditor';
import { useStore } from '../../services/store';
import type { Workspace } from '../../services/workspace';
import { compareVersions } from '../../../../runtime/core/index';
import { groupBySeverity, sideName, summarizeDiff } from './model';

const severityText = { major: 'Major changes (answers or exports change)', minor: 'Minor changes (new things to collect)', patch: 'Patch changes (wording and layout)' } as const;

/** Two versions side by side in Monaco's diff editor, with the changes in words beside them. */
export function DiffView({ ws, tab }: { ws: Workspace; tab: string }) {
  const diff = useStore(ws.store, (s) => s.diffs[tab]);
  const theme = useStore(ws.store, (s) => s.theme);
  const forms = useStore(ws.store, (s) => s.forms);
  const summary = useMemo(() => (diff?.leftText !== undefined && diff.rightText !== undefined ? summarizeDiff(diff.leftText, diff.rightText) : undefined), [diff?.leftText, diff?.rightText]);
  if (!diff) return <p className="view-empty">Nothing to compare.</p>;
  const form = forms.find((f) => f.id === diff.id);
  const versions = (form?.versions.map((v) => v.version) ?? []).sort(compareVersions);
  const statusOf = (v: string) => form?.versions.find((x) => x.version === v)?.status;
  const before = sideName(diff.left, statusOf(diff.left), 'before');
  const after = sideName(diff.right, statusOf(diff.right), 'after');
  const pick = (side: 'left' | 'right', v: string) => {
    ws.closeTab(tab);
    void ws.openDiff(diff.id, side === 'left' ? v : diff.left, side === 'right' ? v : diff.right);
  };
  const selectable = versions.includes(diff.left) && versions.includes(diff.right);
  return (
    <div className="diff-view" data-testid="diff-view">
      <div className="diff-toolbar">
        {/* The page's level-one heading while Compare is shown (axe page-has-heading-one). */}
        <h1>
          Compare {diff.id}: {diff.left} → {diff.right}
        </h1>
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
        <div className="diff-editor">{diff.leftText !== undefined && diff.rightText !== undefined && <DiffEditor left={diff.leftText} right={diff.rightText} theme={theme} leftLabel={before} rightLabel={after} />}</div>
        {/* Focusable, so a keyboard user can scroll a long list (axe scrollable-region-focusable). */}
        <section className="diff-changes" aria-labelledby="changes-title" data-testid="diff-changes" tabIndex={0}>
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
