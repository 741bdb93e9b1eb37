import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';

/**
 * A polite live region for what changes without moving focus (a question moved by keyboard or
 * drag). Keyed by the nonce, so the same words said twice are read twice.
 */
export function Announcer({ ws }: { ws: Workspace }) {
  const announcement = useStore(ws.store, (s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {announcement && <span key={announcement.nonce}>{announcement.text}</span>}
    </div>
  );
}
