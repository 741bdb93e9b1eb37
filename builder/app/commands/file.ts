import { compareVersions, latest } from '../../../runtime/core/index';
import { isDirty, isReadOnly } from '../services/document';
import { renumberTarget } from '../contributions/diff/model';
import { renumberDraft, setFormRetired } from '../services/lifecycle';
import type { Workspace } from '../services/workspace';
import type { Command } from './registry';

const hasDoc = (ws: Parameters<NonNullable<Command['enabled']>>[0]) => !!ws.activeDoc();

export const fileCommands: Command[] = [
  { id: 'studio.form.new', title: 'New form…', category: 'File', run: (ws) => ws.store.set({ dialog: { kind: 'new-form' } }) },
  {
    id: 'studio.form.newVersion',
    title: 'New version…',
    category: 'File',
    enabled: (ws) => !!ws.activeDoc(),
    run: (ws) => {
      const doc = ws.activeDoc()!;
      const versions = ws.state.forms.find((f) => f.id === doc.id)?.versions.map((v) => v.version) ?? [doc.version];
      ws.store.set({ dialog: { kind: 'new-version', id: doc.id, from: latest(versions) ?? doc.version } });
    },
  },
  { id: 'studio.form.save', title: 'Save', category: 'File', keybinding: 'mod+s', global: true, enabled: hasDoc, run: (ws) => ws.save() },
  {
    id: 'studio.form.publish',
    title: 'Publish…',
    category: 'File',
    enabled: (ws) => !!ws.activeDoc() && !isReadOnly(ws.activeDoc()!),
    run: (ws) => ws.store.set({ dialog: { kind: 'publish', doc: ws.activeDoc()!.key } }),
  },
  {
    id: 'studio.form.discard',
    title: 'Discard unsaved changes',
    category: 'File',
    enabled: (ws) => !!ws.activeDoc() && isDirty(ws.activeDoc()!),
    run: (ws) => ws.store.set({ dialog: { kind: 'confirm-discard', doc: ws.activeDoc()!.key } }),
  },
  {
    id: 'studio.form.restoreDiscarded',
    title: 'Bring back discarded changes',
    category: 'File',
    enabled: (ws) => !!ws.activeDoc() && ws.discarded.has(ws.activeDoc()!.key),
    run: (ws) => ws.restoreDiscarded(ws.activeDoc()!.key),
  },
  {
    id: 'studio.form.close',
    title: 'Close tab',
    category: 'File',
    enabled: (ws) => !!ws.state.active,
    run: (ws) => ws.closeTab(ws.state.active!),
  },
  { id: 'studio.form.quickOpen', title: 'Go to form or question…', category: 'Go', keybinding: 'mod+p', global: true, run: (ws) => ws.store.set({ dialog: { kind: 'quick-open' } }) },
  {
    id: 'studio.diff.open',
    title: 'Compare with previous version',
    category: 'Versions',
    enabled: (ws) => !!ws.activeDoc(),
    run: (ws) => {
      const doc = ws.activeDoc()!;
      const versions = ws.state.forms.find((f) => f.id === doc.id)?.versions.map((v) => v.version) ?? [];
      const earlier = versions.filter((v) => compareVersions(v, doc.version) < 0).sort(compareVersions);
      const left = earlier[earlier.length - 1];
      if (!left) return ws.toast(`${doc.id} has no version before ${doc.version}.`, 'error');
      return ws.openDiff(doc.id, left, doc.version);
    },
  },
  {
    id: 'studio.version.renumber',
    title: 'Renumber the draft to the version its changes call for',
    category: 'Versions',
    enabled: (ws) => !!renumberTo(ws),
    run: (ws) => renumberDraft(ws, ws.activeDoc()!.key, renumberTo(ws)!),
  },
  {
    id: 'studio.form.discardDraft',
    title: 'Discard this draft version…',
    category: 'Versions',
    enabled: (ws) => !!ws.activeDoc() && ws.activeDoc()!.status === 'draft',
    run: (ws) => ws.store.set({ dialog: { kind: 'confirm-discard-draft', doc: ws.activeDoc()!.key } }),
  },
  {
    id: 'studio.form.retire',
    title: 'Retire this form…',
    category: 'Versions',
    enabled: (ws) => !!ws.activeDoc() && !formOf(ws)?.retired,
    run: (ws) => ws.store.set({ dialog: { kind: 'confirm-retire', id: ws.activeDoc()!.id } }),
  },
  {
    id: 'studio.form.unretire',
    title: 'Offer this retired form to practitioners again',
    category: 'Versions',
    enabled: (ws) => !!formOf(ws)?.retired,
    run: (ws) => setFormRetired(ws, ws.activeDoc()!.id, false),
  },
  { id: 'studio.forms.refresh', title: 'Refresh the list of forms', category: 'File', run: (ws) => ws.refreshForms() },
];

const formOf = (ws: Workspace) => ws.state.forms.find((f) => f.id === ws.activeDoc()?.id);

/** The number the active draft's changes call for, if it should change. */
export function renumberTo(ws: Workspace): string | undefined {
  const doc = ws.activeDoc();
  if (!doc) return undefined;
  const taken = ws.state.forms.find((f) => f.id === doc.id)?.versions.map((v) => v.version) ?? [];
  return renumberTarget({ status: doc.status, version: doc.version, previousText: doc.previousText, text: doc.history.present }, taken);
}

