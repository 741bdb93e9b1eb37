import { useState, type ReactNode } from 'react';
import { latest } from '../../../runtime/core/index';
import { nextPatch } from '../services/edits/index';
import { useStore } from '../services/store';
import type { Dialog, Workspace } from '../services/workspace';
import { ConfirmDeleteDialog, ConfirmDiscardDialog, ConfirmDiscardDraftDialog, ConfirmRetireDialog } from './ConfirmDialogs';
import { Modal } from './Modal';
import { PublishDialog } from './PublishDialog';
import { QuickInput } from './QuickInput';
import { QuickFixReasonDialog } from './QuickFixDialog';

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
    case 'confirm-discard-draft':
      return <ConfirmDiscardDraftDialog ws={ws} dialog={dialog} />;
    case 'confirm-retire':
      return <ConfirmRetireDialog ws={ws} dialog={dialog} />;
    case 'quick-fix-reason':
      return <QuickFixReasonDialog ws={ws} dialog={dialog} />;
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
    <DialogForm
      ws={ws}
      label="New form"
      onSubmit={async () => {
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
    </DialogForm>
  );
}

function NewVersionDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'new-version' }> }) {
  const forms = useStore(ws.store, (s) => s.forms);
  const summaries = forms.find((f) => f.id === dialog.id)?.versions ?? [];
  const versions = summaries.map((v) => v.version);
  const from = latest(versions) ?? dialog.from;
  // Issue 17: no guess at major/minor/patch before any change; the number follows the changes.
  let version = nextPatch(from);
  while (versions.includes(version)) version = nextPatch(version);
  // A form's next version is worked on in one draft: a second would be copied from an unpublished
  // one, and only one of them could be published next.
  const draft = latest(summaries.filter((v) => v.status === 'draft').map((v) => v.version));
  if (draft && !dialog.anotherDraft) {
    return (
      <DialogForm
        ws={ws}
        label="New version"
        onSubmit={async () => {
          await ws.openForm(dialog.id, draft);
          close(ws);
        }}
      >
        <h2>
          {dialog.id} already has a draft: {draft}
        </h2>
        <p>
          Draft {draft} is not published yet: carry on with it. A second draft would be copied from that unpublished one, and only one of them could be
          published next. To start again from the published version, discard draft {draft} first.
        </p>
        <DialogButtons ws={ws}>
          <button type="submit" className="primary-button" data-testid="new-version-open-draft">
            Open draft {draft}
          </button>
          <button type="button" className="secondary-button" onClick={() => ws.store.set({ dialog: { ...dialog, anotherDraft: true } })} data-testid="new-version-another">
            Make another draft
          </button>
        </DialogButtons>
      </DialogForm>
    );
  }
  return (
    <DialogForm
      ws={ws}
      label="New version"
      onSubmit={async () => {
        await ws.newVersion(dialog.id, from, version);
      }}
    >
      <h2>
        New version of {dialog.id} (from {from})
      </h2>
      <p>
        The latest version is copied to a new draft, numbered {version} for now. As you change it, the builder works out the number the changes call for
        (a new required question, for example, needs a major version) and offers to renumber the draft in one step. Publishing asks what changed.
      </p>
      <DialogButtons ws={ws}>
        <button type="submit" className="primary-button" data-testid="new-version-create">
          Create draft {version}
        </button>
      </DialogButtons>
    </DialogForm>
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

/** A modal whose body is a form: Enter submits it (the default is prevented: the workspace acts). */
function DialogForm({ ws, label, onSubmit, children }: { ws: Workspace; label: string; onSubmit: () => Promise<void>; children: ReactNode }) {
  return (
    <Modal label={label} onClose={() => close(ws)}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        {children}
      </form>
    </Modal>
  );
}

/** The dialog's own action first, then Cancel, as GOV.UK button groups order them. */
export function DialogButtons({ ws, children }: { ws: Workspace; children: ReactNode }) {
  return (
    <div className="button-row">
      {children}
      <button type="button" className="secondary-button" onClick={() => close(ws)}>
        Cancel
      </button>
    </div>
  );
}
