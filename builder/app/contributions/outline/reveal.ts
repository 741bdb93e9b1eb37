import type { Selection, Workspace } from '../../services/workspace';

/** Makes a form active and selects an element in its outline, with the keyboard focus on that row. */
export function showInOutline(ws: Workspace, docKey: string, selection: Selection): void {
  ws.setActive(docKey);
  ws.select(docKey, selection);
  ws.store.set({ sidebar: 'outline' });
  // After React has drawn the outline (and a closing dialog has given focus back).
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.outline-tree [aria-current="true"]')?.focus());
}
