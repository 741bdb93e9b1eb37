import { useState, type ReactNode } from 'react';
import { latest } from '../commands/file';
import { summarizeDiff } from '../contributions/diff/model';
import { countProblems, isDirty } from '../services/document';
import { useStore } from '../services/store';
import type { Dialog, Workspace } from '../services/workspace';
import { ConfirmDeleteDialog, ConfirmDiscardDialog } from './ConfirmDialogs';
import { Modal } from './Modal';
import { QuickInput } from './QuickInput';

export function Dialogs({ ws }: { ws: Workspace }) {
  const dialog = useStore(ws.store, (s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'commands':
      return <QuickInput ws={ws} mode="commands" />;
    case 'quick-open':
      return <QuickInput ws={ws} mode="forms" />;
    case 'new-form':
      return <NewFormDialog ws={ws} />;
    case 'new-version':
      return <NewVersionDialog ws={ws} dialog={dialog} />;
    case 'publish':
      return <PublishDialog ws={ws} docKey={dialog.doc} />;
    case 'conflict':
      return <ConflictDialog ws={ws} docKey={dialog.doc} />;
    case 'confirm-delete':
      return <ConfirmDeleteDialog ws={ws} dialog={dialog} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog ws={ws} dialog={dialog} />;
  }
}

const close = (ws: Workspace) => ws.store.set({ dialog: undefined });

function NewFormDialog({ ws }: { ws: Workspace }) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const forms = useStore(ws.store, (s) => s.forms);
  // Issue 17: a reused title used to make `…-2` silently, two forms a practitioner cannot tell apart.
  const same = forms.find((f) => f.title.trim().toLowerCase() === title.trim().toLowerCase() && title.trim() !== '');
  return (
    <Modal label="New form" onClose={() => close(ws)}>
      <form
        className="dialog-body"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!title.trim() || busy) return;
          setBusy(true);
          await ws.newForm(title);
          setBusy(false);
        }}
      >
        <h2>New form</h2>
        <div className="field">
          <label htmlFor="new-form-title">Title of the form</label>
          <p className="field-hint" id="new-form-hint">For example “Routine enquiry about domestic abuse”. You can change it later.</p>
          <input id="new-form-title" autoFocus value={title} onChange={(e) => setTitle(e.target.value)} aria-describedby={same ? 'new-form-hint new-form-taken' : 'new-form-hint'} data-testid="new-form-title" />
          {same && (
            <p className="field-warning" id="new-form-taken" data-testid="new-form-title-taken">
              A form called “{same.title}” already exists ({same.id}). Practitioners could not tell the two apart: open that form and make a new version of it, or choose another title.
            </p>
          )}
        </div>
        <DialogButtons ws={ws}>
          <button type="submit" className="primary-button" disabled={!title.trim() || busy} data-testid="new-form-create">
            {same ? 'Create a second form with this title' : 'Create form'}
          </button>
        </DialogButtons>
      </form>
    </Modal>
  );
}

function bumps(from: string): Array<{ bump: string; version: string; why: string }> {
  const [major = 0, minor = 0, patch = 0] = from.split('-')[0]!.split('.').map(Number);
  return [
    { bump: 'minor', version: `${major}.${minor + 1}.0`, why: 'New optional questions or options, or a changed flow: old responses stay valid.' },
    { bump: 'major', version: `${major + 1}.0.0`, why: 'Questions removed, newly required, retyped or recoded: old responses or exports change.' },
    { bump: 'patch', version: `${major}.${minor}.${patch + 1}`, why: 'Wording, help and layout only.' },
  ];
}

function NewVersionDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'new-version' }> }) {
  const forms = useStore(ws.store, (s) => s.forms);
  const versions = forms.find((f) => f.id === dialog.id)?.versions.map((v) => v.version) ?? [];
  const from = latest(versions) ?? dialog.from;
  const options = bumps(from);
  const [version, setVersion] = useState(options[0]!.version);
  const taken = versions.includes(version);
  return (
    <Modal label="New version" onClose={() => close(ws)}>
      <form
        className="dialog-body"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!taken) await ws.newVersion(dialog.id, from, version);
        }}
      >
        <h2>
          New version of {dialog.id} (from {from})
        </h2>
        <p>The latest version is copied to a new draft. When you publish, the builder checks the number against what you changed.</p>
        <fieldset className="fieldset">
          <legend>What kind of change will it be?</legend>
          {options.map((o) => (
            <div className="field field-radio" key={o.bump}>
              <input type="radio" id={`bump-${o.bump}`} name="bump" checked={version === o.version} onChange={() => setVersion(o.version)} aria-describedby={`bump-${o.bump}-why`} />
              <label htmlFor={`bump-${o.bump}`}>
                {o.version} ({o.bump})
              </label>
              <p className="field-hint" id={`bump-${o.bump}-why`}>{o.why}</p>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="new-version-number">Version number</label>
          <input id="new-version-number" value={version} onChange={(e) => setVersion(e.target.value.trim())} data-testid="new-version-number" />
          {taken && <p className="field-error" role="alert">{version} already exists.</p>}
        </div>
        <DialogButtons ws={ws}>
          <button type="submit" className="primary-button" disabled={taken || !version} data-testid="new-version-create">
            Create {version}
          </button>
        </DialogButtons>
      </form>
    </Modal>
  );
}

function PublishDialog({ ws, docKey }: { ws: Workspace; docKey: string }) {
  const doc = useStore(ws.store, (s) => s.docs[docKey]);
  const [busy, setBusy] = useState(false);
  if (!doc) return null;
  const counts = countProblems(doc.problems);
  const summary = doc.previousText ? summarizeDiff(doc.previousText, doc.history.present) : undefined;
  return (
    <Modal label="Publish" onClose={() => close(ws)}>
      <div className="dialog-body">
        <h2>
          Publish {doc.id} {doc.version}
        </h2>
        <p>Once published, this version never changes: its content hash is recorded, and practitioners can use it. Later changes go into a new version.</p>
        {counts.errors > 0 ? (
          <p className="field-error" role="alert" data-testid="publish-blocked">
            Publishing is refused while the form has {counts.errors} error{counts.errors === 1 ? '' : 's'}. Fix them in the Problems panel (Ctrl+Shift+M).
          </p>
        ) : (
          <p>No errors. {isDirty(doc) ? 'Unsaved changes are saved first.' : ''}</p>
        )}
        {summary && !summary.error && (
          <p>
            Since {doc.previousVersion}: {summary.changes.length} change{summary.changes.length === 1 ? '' : 's'}
            {summary.bump !== 'none' ? `, which call for at least ${summary.suggested} (${summary.bump}).` : '.'}
          </p>
        )}
        <DialogButtons ws={ws}>
          <button
            type="button"
            className="primary-button"
            disabled={counts.errors > 0 || busy}
            data-testid="publish-confirm"
            onClick={async () => {
              setBusy(true);
              const ok = await ws.publish(docKey);
              setBusy(false);
              if (ok) close(ws);
            }}
          >
            Publish {doc.version}
          </button>
        </DialogButtons>
      </div>
    </Modal>
  );
}

function ConflictDialog({ ws, docKey }: { ws: Workspace; docKey: string }) {
  const doc = useStore(ws.store, (s) => s.docs[docKey]);
  if (!doc) return null;
  return (
    <Modal label="The file changed on disk" onClose={() => close(ws)}>
      <div className="dialog-body" data-testid="conflict-dialog">
        <h2>The file changed on disk</h2>
        <p>
          {doc.id}/{doc.version}.json was changed by someone or something else after you opened it. Your changes are not saved yet, and are kept.
        </p>
        <div className="button-row wrap">
          <button type="button" className="primary-button" onClick={() => ws.openConflictDiff(docKey)} data-testid="conflict-diff">
            Show the difference
          </button>
          <button type="button" className="secondary-button" onClick={() => void ws.overwrite(docKey)} data-testid="conflict-overwrite">
            Keep mine (overwrite the file)
          </button>
          <button type="button" className="danger-button" onClick={() => void ws.discard(docKey)} data-testid="conflict-discard">
            Take the file on disk (discard mine)
          </button>
          <button type="button" className="secondary-button" onClick={() => close(ws)}>
            Decide later
          </button>
        </div>
      </div>
    </Modal>
  );
}

/** The dialog's own action first, then Cancel, as GOV.UK button groups order them. */
function DialogButtons({ ws, children }: { ws: Workspace; children: ReactNode }) {
  return (
    <div className="button-row">
      {children}
      <button type="button" className="secondary-button" onClick={() => close(ws)}>
        Cancel
      </button>
    </div>
  );
}
