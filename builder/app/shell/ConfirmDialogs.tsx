import { questionsIn, selectionLabel, deleteSelectionNow } from '../commands/edit';
import { deletionImpact, readOutline } from '../services/edits/index';
import { discardDraftFile, setFormRetired } from '../services/lifecycle';
import { useStore } from '../services/store';
import type { Dialog, Workspace } from '../services/workspace';
import { Modal } from './Modal';

/**
 * Confirmations of destructive actions (issue 17): each says what goes, and what else goes with
 * it, before anything is removed; the action's toast then offers Undo. The safe choice (Cancel)
 * is one Escape away, and the dangerous one is never the default of a bare Enter in a field.
 */
const close = (ws: Workspace) => ws.store.set({ dialog: undefined });

export function ConfirmDeleteDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'confirm-delete' }> }) {
  const doc = useStore(ws.store, (s) => s.docs[dialog.doc]);
  if (!doc?.parsed) return null;
  const outline = readOutline(doc.parsed);
  const label = selectionLabel(outline, dialog.selection);
  const impact = deletionImpact(doc.parsed, questionsIn(outline, dialog.selection));
  const what = dialog.selection.kind === 'section' ? 'section' : 'element';
  return (
    <Modal label={`Delete “${label}”?`} onClose={() => close(ws)}>
      <div className="dialog-body" data-testid="confirm-delete">
        <h2>Delete “{label}”?</h2>
        {dialog.selection.kind === 'section' && impact.deleted.length > 0 && (
          <p>
            The section and its {impact.deleted.length} question{impact.deleted.length === 1 ? '' : 's'} are deleted: {impact.deleted.join(', ')}.
          </p>
        )}
        {impact.gate && (
          <div className="confirm-warning" data-testid="confirm-delete-gate">
            <p>
              <strong>This removes the safety check.</strong> “{impact.gate}” is the question that keeps sensitive questions from being asked when it is not safe.
            </p>
            {impact.ungated.length > 0 && (
              <p>
                Without it these sensitive questions are shown to everyone: <span data-testid="confirm-delete-ungated">{impact.ungated.join(', ')}</span>.
              </p>
            )}
          </div>
        )}
        {impact.rules.length > 0 && (
          <div className="confirm-warning" data-testid="confirm-delete-rules">
            <p>
              <strong>
                {impact.rules.length === 1 ? 'This breaks a show-when rule.' : `This breaks ${impact.rules.length} show-when rules.`}
              </strong>{' '}
              These are shown only after an answer to the {what} you are deleting, and would then always be shown:
            </p>
            <ul>
              {impact.rules.map((r) => (
                <li key={r.pointer} data-testid="confirm-delete-rule">
                  {r.label} (shown when “{r.watches}” is answered)
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>You can undo this with Ctrl+Z or the Undo button that follows.</p>
        <div className="button-row">
          <button type="button" className="danger-button" autoFocus onClick={() => deleteSelectionNow(ws, dialog.doc, dialog.selection)} data-testid="confirm-delete-yes">
            Delete
          </button>
          <button type="button" className="secondary-button" onClick={() => close(ws)}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}

export function ConfirmDiscardDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'confirm-discard' }> }) {
  const doc = useStore(ws.store, (s) => s.docs[dialog.doc]);
  if (!doc) return null;
  return (
    <Modal label="Discard unsaved changes?" onClose={() => close(ws)}>
      <div className="dialog-body" data-testid="confirm-discard">
        <h2>Discard unsaved changes?</h2>
        <p>
          Every change to {doc.id} {doc.version} since it was last saved is thrown away, and the file as saved is shown again. Until you close this
          window, Undo (or “Bring back discarded changes” in the command palette) puts them back.
        </p>
        <DangerThenCancel ws={ws} label="Discard changes" testId="confirm-discard-yes" run={() => void ws.discard(dialog.doc)} />
      </div>
    </Modal>
  );
}

export function ConfirmDiscardDraftDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'confirm-discard-draft' }> }) {
  const doc = useStore(ws.store, (s) => s.docs[dialog.doc]);
  const forms = useStore(ws.store, (s) => s.forms);
  const versions = forms.find((f) => f.id === doc?.id)?.versions ?? [];
  if (!doc) return null;
  const last = versions.length === 1;
  return (
    <Modal label={`Discard the draft ${doc.version}?`} onClose={() => close(ws)}>
      <div className="dialog-body" data-testid="confirm-discard-draft">
        <h2>
          Discard the draft {doc.id} {doc.version}?
        </h2>
        <p>
          The file {doc.id}/{doc.version}.json is deleted, with every change in it. Published versions are not touched.
          {last ? ' It is the only version of this form, so the form goes from the Explorer too.' : ''} Until you close this window, the Undo button that
          follows brings it back.
        </p>
        <DangerThenCancel ws={ws} label={`Discard draft ${doc.version}`} testId="confirm-discard-draft-yes" run={() => void discardDraftFile(ws, dialog.doc)} />
      </div>
    </Modal>
  );
}

export function ConfirmRetireDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'confirm-retire' }> }) {
  const forms = useStore(ws.store, (s) => s.forms);
  const form = forms.find((f) => f.id === dialog.id);
  if (!form) return null;
  return (
    <Modal label={`Retire “${form.title}”?`} onClose={() => close(ws)}>
      <div className="dialog-body" data-testid="confirm-retire">
        <h2>Retire “{form.title}”?</h2>
        <p>
          Practitioners are no longer offered this form. Its {form.versions.length} version{form.versions.length === 1 ? '' : 's'} stay as they are, so
          responses already made can still be read and exported, and you can offer it again at any time (“Offer this retired form to practitioners
          again” in the command palette, or the Undo button that follows).
        </p>
        <DangerThenCancel ws={ws} label="Retire the form" testId="confirm-retire-yes" run={() => void setFormRetired(ws, dialog.id, true)} />
      </div>
    </Modal>
  );
}

/** Work that cannot be brought back by Ctrl+Z: Cancel has the focus, so Enter keeps everything. */
function DangerThenCancel({ ws, label, testId, run }: { ws: Workspace; label: string; testId: string; run: () => void }) {
  return (
    <div className="button-row">
      <button type="button" className="danger-button" onClick={run} data-testid={testId}>
        {label}
      </button>
      <button type="button" className="secondary-button" autoFocus onClick={() => close(ws)}>
        Cancel
      </button>
    </div>
  );
}
