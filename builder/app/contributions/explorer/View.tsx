import { useState } from 'react';
import { docKeyOf, isDirty } from '../../services/document';
import { draftKeys } from '../../services/drafts';
import { useStore } from '../../services/store';
import type { Workspace } from '../../services/workspace';
import { explorerForms, statusLabel } from './model';

export function ExplorerView({ ws }: { ws: Workspace }) {
  const forms = useStore(ws.store, (s) => s.forms);
  const error = useStore(ws.store, (s) => s.formsError);
  const loaded = useStore(ws.store, (s) => s.formsLoaded);
  const docs = useStore(ws.store, (s) => s.docs);
  const active = useStore(ws.store, (s) => s.active);
  const [filter, setFilter] = useState('');
  const rows = explorerForms(forms, filter);
  // Unsaved work of forms not open now is still in localStorage: say so.
  const drafts = new Set(draftKeys());
  return (
    <section className="view" aria-labelledby="explorer-title">
      <header className="view-header">
        <h2 id="explorer-title">Explorer: form-definitions</h2>
        <div className="view-actions">
          <button type="button" className="icon-button" onClick={() => ws.store.set({ dialog: { kind: 'new-form' } })} title="New form" aria-label="New form">
            +
          </button>
          <button type="button" className="icon-button" onClick={() => void ws.refreshForms()} title="Refresh" aria-label="Refresh the list of forms">
            ⟳
          </button>
        </div>
      </header>
      <label className="filter">
        <span className="visually-hidden">Filter forms</span>
        <input type="search" placeholder="Filter forms" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {error && <p className="view-error" role="alert">{error}</p>}
      {!loaded && !error && (
        <p className="view-empty" role="status">
          Loading forms…
        </p>
      )}
      {loaded && rows.length === 0 && !error && (
        <p className="view-empty">{forms.length === 0 ? 'No forms yet. Create one with “New form”.' : `No form matches “${filter}”.`}</p>
      )}
      <ul className="explorer-forms" aria-label="Forms">
        {rows.map((form) => (
          <li key={form.id}>
            <span className="explorer-form" title={form.id}>
              {form.title}
              {form.retired && (
                <span className="badge badge-retired" data-testid={`explorer-retired-${form.id}`}>
                  retired
                </span>
              )}
            </span>
            <ul className="explorer-versions" aria-label={`Versions of ${form.title}`}>
              {form.versions.map((v) => {
                const key = docKeyOf(form.id, v.version);
                const doc = docs[key];
                return (
                  <li key={v.version}>
                    <button
                      type="button"
                      className={`explorer-version${active === key ? ' is-active' : ''}`}
                      aria-current={active === key ? 'page' : undefined}
                      onClick={() => void ws.openForm(form.id, v.version)}
                      data-testid={`explorer-${key}`}
                    >
                      <span className="version-number">{v.version}</span>
                      <span className={`badge badge-${v.status}`}>{statusLabel[v.status]}</span>
                      {(doc ? isDirty(doc) : drafts.has(key)) && (
                        <span className="dirty-dot" aria-label="unsaved changes" role="img">
                          ●
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
