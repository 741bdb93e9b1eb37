import { useState } from 'react';
import { isPlaceholderNote } from '../../../runtime/core/index';
import { renumberTarget, summarizeDiff } from '../contributions/diff/model';
import { countProblems, docKeyOf, isDirty } from '../services/document';
import { isObject, ownArray } from '../services/edits/index';
import { renumberDraft } from '../services/lifecycle';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { DialogButtons } from './Dialogs';
import { Modal } from './Modal';

/** The change note already written for this version, unless it is empty or the old placeholder. */
function noteOf(parsed: Record<string, unknown> | undefined, version: string): string {
  const entry = (ownArray(parsed, 'changelog') ?? []).find((e) => isObject(e) && e.version === version);
  const summary = isObject(entry) ? entry.summary : undefined;
  return typeof summary === 'string' && !isPlaceholderNote(summary) ? summary : '';
}

/**
 * Publish: what changed since the previous version and the number it calls for (renumbered in one
 * step), and the change note, asked here and refused when empty or the placeholder (issue 17).
 */
export function PublishDialog({ ws, docKey }: { ws: Workspace; docKey: string }) {
  const doc = useStore(ws.store, (s) => s.docs[docKey]);
  // Select the stored list itself: a selector building a new array each call would re-render for ever.
  const forms = useStore(ws.store, (s) => s.forms);
  const taken = forms.find((f) => f.id === doc?.id)?.versions.map((v) => v.version) ?? [];
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState(() => noteOf(doc?.parsed, doc?.version ?? ''));
  const [tried, setTried] = useState(false);
  if (!doc) return null;
  const counts = countProblems(doc.problems);
  const summary = doc.previousText ? summarizeDiff(doc.previousText, doc.history.present) : undefined;
  const target = renumberTarget({ status: doc.status, version: doc.version, previousText: doc.previousText, text: doc.history.present }, taken);
  const noteMissing = isPlaceholderNote(note);
  const close = () => ws.store.set({ dialog: undefined });
  return (
    <Modal label="Publish" onClose={close}>
      <div className="dialog-body">
        <h2>
          Publish {doc.id} {doc.version}
        </h2>
        <p>Once published, this version never changes: its content hash is recorded, and practitioners can use it. Later changes go into a new version.</p>
        {summary && !summary.error && (
          <p>
            Since {doc.previousVersion}: {summary.changes.length} change{summary.changes.length === 1 ? '' : 's'}
            {summary.bump !== 'none' ? `, which call for at least ${summary.suggested} (${summary.bump}).` : '.'}
          </p>
        )}
        {target && (
          <p>
            <button
              type="button"
              className="secondary-button"
              data-testid="publish-renumber"
              onClick={async () => {
                if (await renumberDraft(ws, docKey, target)) ws.store.set({ dialog: { kind: 'publish', doc: docKeyOf(doc.id, target) } });
              }}
            >
              Renumber to {target}
            </button>
          </p>
        )}
        {counts.errors > 0 ? (
          <p className="field-error" role="alert" data-testid="publish-blocked">
            Publishing is refused while the form has {counts.errors} error{counts.errors === 1 ? '' : 's'}. Fix them in the Problems panel (Ctrl+Shift+M).
          </p>
        ) : (
          <p>No errors. {isDirty(doc) ? 'Unsaved changes are saved first.' : ''}</p>
        )}
        <div className="field">
          <label htmlFor="publish-note">What changed in {doc.version}, and why?</label>
          <p className="field-hint" id="publish-note-hint">
            The change note is kept with the version for everyone who uses the form, for example “Asks the date of the assessment, which reviews need.”
          </p>
          {tried && noteMissing && (
            <p className="field-error" id="publish-note-error" data-testid="publish-note-error">
              Write what changed and why: a change note cannot be empty or “Describe what changed and why.”
            </p>
          )}
          <textarea
            id="publish-note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            aria-describedby={tried && noteMissing ? 'publish-note-hint publish-note-error' : 'publish-note-hint'}
            aria-invalid={tried && noteMissing}
            data-testid="publish-note"
          />
        </div>
        <DialogButtons ws={ws}>
          <button
            type="button"
            className="primary-button"
            disabled={counts.errors > 0 || busy}
            data-testid="publish-confirm"
            onClick={async () => {
              setTried(true);
              if (noteMissing) return void document.getElementById('publish-note')?.focus();
              setBusy(true);
              const ok = await ws.publishWithNote(docKey, note);
              setBusy(false);
              if (ok) close();
            }}
          >
            Publish {doc.version}
          </button>
        </DialogButtons>
      </div>
    </Modal>
  );
}
