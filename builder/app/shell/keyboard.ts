import { commandForKey, runCommand } from '../commands/index';
import type { Workspace } from '../services/workspace';

function inTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || !!el.closest('.monaco-editor');
}

/**
 * One keydown listener in the capture phase on window: it sees keys before Monaco does, so
 * Ctrl/Cmd+Shift+P opens our palette (not Monaco's) and Ctrl+Z undoes in the shared history.
 * Inside a dialog (palette, new form…) text fields keep their own undo.
 */
export function installKeybindings(ws: Workspace): () => void {
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement | null)?.closest?.('dialog') && !/^(f1)$/i.test(e.key) && !(e.key.toLowerCase() === 'p' && (e.ctrlKey || e.metaKey))) return;
    const command = commandForKey(e, inTextField(e.target));
    if (!command) return;
    e.preventDefault();
    e.stopPropagation();
    void runCommand(ws, command.id);
  };
  window.addEventListener('keydown', onKey, true);
  return () => window.removeEventListener('keydown', onKey, true);
}
