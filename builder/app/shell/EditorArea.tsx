import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { runCommand } from '../commands/index';
import { diffContribution } from '../contributions/diff/contribution';
import { renumberTarget } from '../contributions/diff/model';
import { renumberDraft } from '../services/lifecycle';
import { propertiesContribution } from '../contributions/outline/contribution';
import { previewContribution } from '../contributions/preview/contribution';
import { JsonEditor } from '../monaco/JsonEditor';
import { isDirty, isReadOnly, parseDocKey, type Doc } from '../services/document';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { Splitter } from './Splitter';

// The shell knows features only through their contributions (vscode *.contribution.ts).
const DiffView = diffContribution.view;
const PropertiesView = propertiesContribution.view;
const PreviewView = previewContribution.view;

function tabTitle(tab: string): string {
  if (tab.startsWith('diff:')) {
    const [, id, left, right] = tab.split(':');
    return `${id}: ${left} ↔ ${right}`;
  }
  const ref = parseDocKey(tab);
  return ref ? `${ref.id} ${ref.version}` : tab;
}

/**
 * Editor tabs and the active editor. The tabs are a list of buttons (not an ARIA tablist: each
 * has a close button beside it, which a tablist may not contain); arrows move between them.
 */
export function EditorArea({ ws }: { ws: Workspace }) {
  const tabs = useStore(ws.store, (s) => s.tabs);
  const active = useStore(ws.store, (s) => s.active);
  const docs = useStore(ws.store, (s) => s.docs);
  // However a tab became active (Ctrl+P, the Explorer, closing another), it is brought into view.
  useEffect(() => {
    if (active) document.getElementById(`tab-${cssId(active)}`)?.closest('.tab')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [active, tabs.length]);
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(active ?? '');
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      if (next) {
        ws.setActive(next);
        requestAnimationFrame(() => document.getElementById(`tab-${cssId(next)}`)?.focus());
      }
      e.preventDefault();
    }
  };
  return (
    <div className="editor-area">
      {tabs.length > 0 && (
        <ul className="tab-bar" aria-label="Open editors" onKeyDown={onKeyDown}>
          {tabs.map((tab) => {
            const doc = docs[tab];
            const dirty = doc ? isDirty(doc) : false;
            const selected = tab === active;
            return (
              <li key={tab} className={`tab${selected ? ' is-active' : ''}`}>
                <button type="button" className="tab-button" id={`tab-${cssId(tab)}`} aria-current={selected ? 'page' : undefined} onClick={() => ws.setActive(tab)} data-testid={`tab-${tab}`}>
                  {tabTitle(tab)}
                  {doc && isReadOnly(doc) && <span className="tab-lock"> (read-only)</span>}
                  {dirty && (
                    <span className="dirty-dot" role="img" aria-label="unsaved changes" data-testid="dirty-marker">
                      {' '}●
                    </span>
                  )}
                </button>
                <button type="button" className="tab-close" aria-label={`Close ${tabTitle(tab)}`} onClick={() => ws.closeTab(tab)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div className="editor-panel" id="editor-panel" aria-labelledby={active ? `tab-${cssId(active)}` : undefined} role={active ? 'region' : undefined}>
        {!active && <Welcome ws={ws} />}
        {active?.startsWith('diff:') && <DiffView ws={ws} tab={active} />}
        {active && docs[active] && <FormEditor ws={ws} doc={docs[active]} />}
      </div>
    </div>
  );
}

export function cssId(tab: string): string {
  return tab.replace(/[^A-Za-z0-9_-]/g, '_');
}

function Welcome({ ws }: { ws: Workspace }) {
  return (
    <div className="welcome">
      <h1>Assessment Studio</h1>
      <p>Author versioned assessment forms: build them with the outline, or edit the JSON directly.</p>
      <div className="button-row">
        <button type="button" className="primary-button" onClick={() => void runCommand(ws, 'studio.form.new')} data-testid="welcome-new-form">
          New form
        </button>
        <button type="button" className="secondary-button" onClick={() => void runCommand(ws, 'studio.form.quickOpen')}>
          Open a form (Ctrl+P)
        </button>
      </div>
      <p className="view-hint">Ctrl+Shift+P shows every command.</p>
      <h2>Elsewhere in Assessment Studio</h2>
      <ul className="welcome-links">
        <li>
          <a href="/forms/">Forms</a>: the published forms, as practitioners complete them
        </li>
        <li>
          <a href="/my-assessments/">My assessments</a>: a practitioner’s drafts and submissions
        </li>
        <li>
          <a href="/responses/">Responses</a>: what has been submitted, for the data team to read, correct and export
        </li>
      </ul>
    </div>
  );
}

function FormEditor({ ws, doc }: { ws: Workspace; doc: Doc }) {
  const view = useStore(ws.store, (s) => s.view);
  const theme = useStore(ws.store, (s) => s.theme);
  const showPreview = useStore(ws.store, (s) => s.showPreview);
  const selection = useStore(ws.store, (s) => s.selection[doc.key]);
  const reveal = useStore(ws.store, (s) => s.reveal);
  const [previewWidth, setPreviewWidth] = useState(460);
  const readOnly = isReadOnly(doc);
  const forms = useStore(ws.store, (s) => s.forms);
  // The number this draft's changes call for (issue 17), offered in one step while it differs.
  const renumberTo = useMemo(
    () => renumberTarget({ status: doc.status, version: doc.version, previousText: doc.previousText, text: doc.history.present }, forms.find((f) => f.id === doc.id)?.versions.map((v) => v.version) ?? []),
    [doc.status, doc.version, doc.previousText, doc.history.present, doc.id, forms],
  );
  return (
    <div className="form-editor">
      <div className="editor-toolbar" role="toolbar" aria-label="Form actions">
        <div className="segmented" role="group" aria-label="View">
          <button type="button" aria-pressed={view === 'design'} onClick={() => ws.store.set({ view: 'design' })} data-testid="view-design">
            Design
          </button>
          <button type="button" aria-pressed={view === 'json'} onClick={() => ws.store.set({ view: 'json' })} data-testid="view-json">
            JSON
          </button>
        </div>
        <button type="button" className="secondary-button" aria-pressed={showPreview} onClick={() => ws.store.set({ showPreview: !showPreview })} data-testid="toggle-preview">
          Preview
        </button>
        <span className="toolbar-spacer" />
        {doc.restored && <span className="toolbar-note">Unsaved changes restored from your last session</span>}
        {doc.changedOnDisk && isDirty(doc) && (
          <span className="toolbar-note" data-testid="changed-elsewhere">
            The file was changed elsewhere: saving asks which to keep
          </span>
        )}
        <button type="button" className="secondary-button" onClick={() => void runCommand(ws, 'studio.diff.open')}>
          Compare
        </button>
        <button type="button" className="secondary-button" onClick={() => void runCommand(ws, 'studio.form.newVersion')} data-testid="new-version">
          New version
        </button>
        {renumberTo && (
          <button type="button" className="secondary-button" onClick={() => void renumberDraft(ws, doc.key, renumberTo)} data-testid="renumber">
            Renumber to {renumberTo}
          </button>
        )}
        <button type="button" className="secondary-button" disabled={readOnly || !isDirty(doc)} onClick={() => void ws.save(doc.key)} data-testid="save">
          Save
        </button>
        <button type="button" className="primary-button" disabled={readOnly} onClick={() => void runCommand(ws, 'studio.form.publish')} data-testid="publish">
          Publish
        </button>
      </div>
      <div className="editor-body">
        <div className="editor-main" id="editor-main">
          {view === 'json' ? <JsonEditor ws={ws} doc={doc} theme={theme} reveal={reveal} /> : <PropertiesView ws={ws} doc={doc} selection={selection} />}
        </div>
        {showPreview && (
          <>
            <Splitter label="Resize preview" orientation="vertical" value={previewWidth} min={280} max={900} invert onChange={setPreviewWidth} controls="preview-pane" />
            <aside className="preview-pane" id="preview-pane" style={{ width: previewWidth }} aria-label="Preview">
              <PreviewView key={doc.key} ws={ws} doc={doc} />
            </aside>
          </>
        )}
      </div>
    </div>
  );
}
