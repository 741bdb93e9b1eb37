import { revealProblem } from '../contributions/problems/reveal';
import type { Command } from './registry';

export const viewCommands: Command[] = [
  { id: 'studio.palette.show', title: 'Show all commands', category: 'View', keybinding: 'mod+shift+p', global: true, run: (ws) => ws.store.set({ dialog: { kind: 'commands' } }) },
  { id: 'studio.palette.showF1', title: 'Show all commands (F1)', category: 'View', keybinding: 'f1', global: true, run: (ws) => ws.store.set({ dialog: { kind: 'commands' } }) },
  { id: 'studio.problems.toggle', title: 'Toggle Problems panel', category: 'View', keybinding: 'mod+shift+m', global: true, run: (ws) => ws.store.set((s) => ({ showPanel: !s.showPanel })) },
  { id: 'studio.preview.toggle', title: 'Toggle preview', category: 'View', run: (ws) => ws.store.set((s) => ({ showPreview: !s.showPreview })) },
  { id: 'studio.view.json', title: 'Show the JSON view', category: 'View', run: (ws) => ws.store.set({ view: 'json' }) },
  { id: 'studio.view.design', title: 'Show the design view', category: 'View', run: (ws) => ws.store.set({ view: 'design' }) },
  {
    id: 'studio.view.toggleJson',
    title: 'Switch between design and JSON',
    category: 'View',
    keybinding: 'mod+shift+j',
    global: true,
    run: (ws) => ws.store.set((s) => ({ view: s.view === 'json' ? 'design' : 'json' })),
  },
  { id: 'studio.explorer.show', title: 'Show Explorer', category: 'View', keybinding: 'mod+shift+e', global: true, run: (ws) => ws.store.set({ sidebar: 'explorer' }) },
  { id: 'studio.outline.show', title: 'Show Outline', category: 'View', keybinding: 'mod+shift+o', global: true, run: (ws) => ws.store.set({ sidebar: 'outline' }) },
  { id: 'studio.sidebar.toggle', title: 'Toggle side bar', category: 'View', keybinding: 'mod+b', global: true, run: (ws) => ws.store.set((s) => ({ sidebar: s.sidebar ? null : 'explorer' })) },
  { id: 'studio.theme.toggle', title: 'Toggle light / dark theme', category: 'Preferences', run: (ws) => ws.setTheme(ws.state.theme === 'dark' ? 'light' : 'dark') },
  {
    id: 'studio.problems.next',
    title: 'Go to next problem',
    category: 'Go',
    keybinding: 'f8',
    global: true,
    enabled: (ws) => (ws.activeDoc()?.problems.length ?? 0) > 0,
    run: (ws) => {
      const doc = ws.activeDoc()!;
      const current = ws.state.reveal?.doc === doc.key ? doc.problems.findIndex((p) => p.path === ws.state.reveal!.path) : -1;
      const next = doc.problems[(current + 1) % doc.problems.length]!;
      ws.store.set({ showPanel: true });
      revealProblem(ws, doc.key, next);
    },
  },
];
