import { useEffect } from 'react';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { shownToast } from '../services/workspaceBase';

/** Messages in a live region; a delete offers Undo right there. */
export function Toast({ ws }: { ws: Workspace }) {
  const toast = useStore(ws.store, shownToast);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => ws.store.set({ toast: undefined }), toast.tone === 'error' ? 12000 : 6000);
    return () => clearTimeout(t);
  }, [toast, ws]);
  return (
    <div className="toast-region" role="status" aria-live="polite" data-testid="toast">
      {toast && (
        <div className={`toast toast-${toast.tone ?? 'info'}`}>
          <span>{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              className="secondary-button"
              onClick={() => {
                if (toast.onUndo) toast.onUndo();
                else ws.undo(toast.undoes?.doc);
                ws.store.set({ toast: undefined });
              }}
            >
              Undo
            </button>
          )}
          <button type="button" className="tab-close" aria-label="Dismiss" onClick={() => ws.store.set({ toast: undefined })}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
