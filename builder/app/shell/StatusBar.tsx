import { useMemo } from 'react';
import { summarizeDiff } from '../contributions/diff/model';
import { countProblems, isDirty, problemCountText } from '../services/document';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { Icon } from './Icon';

export function StatusBar({ ws }: { ws: Workspace }) {
  const doc = useStore(ws.store, (s) => (s.active ? s.docs[s.active] : undefined));
  const view = useStore(ws.store, (s) => s.view);
  const docs = useStore(ws.store, (s) => s.docs);
  // As in VS Code, the count is the Problems panel's (every open form), so the two never disagree;
  // the active form's own count is in the tooltip.
  const counts = useMemo(() => countProblems(Object.values(docs).flatMap((d) => d.problems)), [docs]);
  const own = countProblems(doc?.problems ?? []);
  // A draft with an earlier version: what its changes so far call for (semver), as you edit.
  const text = doc?.history.present;
  const previousText = doc?.status === 'draft' ? doc.previousText : undefined;
  const step = useMemo(() => (text && previousText ? summarizeDiff(previousText, text) : undefined), [text, previousText]);
  return (
    <footer className="status-bar" data-testid="status-bar">
      {doc ? (
        <>
          <span>
            {doc.id} {doc.version}
          </span>
          <span className={`status-badge status-${doc.status}`}>{doc.status}</span>
          {isDirty(doc) && <span>unsaved</span>}
          <button type="button" className="status-button" onClick={() => ws.store.set((s) => ({ showPanel: !s.showPanel }))} title={`${problemCountText(counts)} in the open forms (this form: ${problemCountText(own)}): toggle the Problems panel (Ctrl+Shift+M)`} data-testid="status-problems">
            <Icon name="error" label="errors" /> {counts.errors} <Icon name="warning" label="warnings" /> {counts.warnings}
          </button>
          {step && !step.error && doc.previousVersion && (
            <span data-testid="status-step">
              since {doc.previousVersion}: {step.bump === 'none' ? 'no changes' : `${step.bump}, needs ≥ ${step.suggested}`}
            </span>
          )}
          <span className="status-spacer" />
          <span>{view === 'json' ? 'JSON' : 'Design'}</span>
        </>
      ) : (
        <span>No form open</span>
      )}
      <span className="status-hint">Ctrl+Shift+P: commands</span>
    </footer>
  );
}
