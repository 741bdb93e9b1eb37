import { useState } from 'react';
import { applyQuickFixWithReason } from '../services/quickFix';
import type { Dialog, Workspace } from '../services/workspace';
import { Modal } from './Modal';

/**
 * "Retire with a reason": the reason is what exports and the codebook say about the column that
 * ends, so it is asked for in words, never typed into the JSON (issue 17.4).
 */
export function QuickFixReasonDialog({ ws, dialog }: { ws: Workspace; dialog: Extract<Dialog, { kind: 'quick-fix-reason' }> }) {
  const [reason, setReason] = useState('');
  const code = String(dialog.problem.params?.code ?? '');
  const close = () => ws.store.set({ dialog: undefined });
  return (
    <Modal label={`Retire the export code “${code}”`} onClose={close}>
      <form
        className="dialog-body"
        data-testid="quick-fix-reason"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) applyQuickFixWithReason(ws, dialog.doc, dialog.problem, reason.trim(), dialog.from);
        }}
      >
        <h2>Retire the export code “{code}”</h2>
        <p>The question is no longer asked from this version on. Answers already collected keep the code; the form records why it was retired.</p>
        <div className="field">
          <label htmlFor="retire-reason">Why was the question removed?</label>
          <p className="field-hint" id="retire-reason-hint">For example “Replaced by the coercive control questions”. Exports and the codebook show this reason.</p>
          <textarea id="retire-reason" rows={3} autoFocus value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="retire-reason-hint" data-testid="retire-reason" />
        </div>
        <div className="button-row">
          <button type="submit" className="primary-button" disabled={!reason.trim()} data-testid="retire-confirm">
            Retire the code
          </button>
          <button type="button" className="secondary-button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
