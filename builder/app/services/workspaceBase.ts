import { contentHash, type Problem } from '../../../runtime/core/index';
import { clearDraft, loadDraft, loadSession, storeDraft, storeSession } from './drafts';
import { changeText, docKeyOf, isDirty, isReadOnly, openDoc, parseDocKey, redoDoc, relint, undoDoc, withPrevious, type Doc, type DocStatus } from './document';
import { compareVersions } from '../../../runtime/core/index';
import { definitionText, type RawDefinition } from './edits/index';
import { onFileChanged } from './crossTab';
import { Store } from './store';
import { startHeartbeat } from './tabSession';
import * as client from './workspaceClient';

export type Selection =
  | { kind: 'form' }
  | { kind: 'section'; section: number }
  | { kind: 'item'; section: number; index: number }
  | { kind: 'child'; group: string; key: string }
  /** A question of an object group (issue 18.6). */
  | { kind: 'member'; object: string; key: string };

export interface Rename {
  from: string;
  to: string;
  /** Set when the question is inside a repeatable group: the key changes in each item. */
  group?: string;
  /** Set when the question is inside an object group: the key changes inside the object's answer. */
  object?: string;
}

export interface DiffTab {
  id: string;
  left: string;
  right: string;
}

export type Dialog =
  | { kind: 'new-form' }
  | { kind: 'new-version'; id: string; from: string; anotherDraft?: boolean }
  | { kind: 'conflict'; doc: string }
  | { kind: 'publish'; doc: string }
  | { kind: 'confirm-delete'; doc: string; selection: Selection }
  | { kind: 'confirm-discard'; doc: string }
  | { kind: 'confirm-discard-draft'; doc: string }
  | { kind: 'confirm-retire'; id: string }
  | { kind: 'quick-fix-reason'; doc: string; problem: Problem; from: 'panel' | 'field' }
  | { kind: 'quick-open' }
  | { kind: 'commands' };

export interface Toast {
  message: string;
  undo?: boolean;
  /** What Undo does, when it is not the editor's undo (a discard brought back). */
  onUndo?: () => void;
  /**
   * The editor's undo: the form and its history just after the change the toast offers to undo.
   * Any later change of that form (Ctrl+Z included) ends the offer, so Undo never undoes something else.
   */
  undoes?: { doc: string; history: Doc['history'] };
  tone?: 'info' | 'error';
}

/** The toast as it stands: one offering the editor's undo is over once its form has changed since. */
export function shownToast(s: Pick<WorkspaceState, 'toast' | 'docs'>): Toast | undefined {
  const t = s.toast;
  return t?.undoes && s.docs[t.undoes.doc]?.history !== t.undoes.history ? undefined : t;
}

export interface WorkspaceState {
  forms: client.FormSummary[];
  /** Whether the list of forms has arrived (until then the explorer says it is loading, not "no forms"). */
  formsLoaded: boolean;
  formsError?: string;
  docs: Record<string, Doc>;
  /** Open tabs: doc keys (`id@version`) and diff tabs (`diff:id:left:right`). */
  tabs: string[];
  active?: string;
  diffs: Record<string, DiffTab & { leftText?: string; rightText?: string }>;
  selection: Record<string, Selection>;
  view: 'design' | 'json';
  sidebar: 'explorer' | 'outline' | null;
  showPreview: boolean;
  showPanel: boolean;
  theme: 'light' | 'dark';
  dialog?: Dialog;
  toast?: Toast;
  /** A request to show a place in the JSON view (bumped `nonce` to re-trigger). */
  reveal?: { doc: string; path: string; line?: number; column?: number; nonce: number };
  /** What the polite live region says next (a move by keyboard or drag); `nonce` repeats the same words. */
  announcement?: { text: string; nonce: number };
  busy?: string;
}

export const today = () => new Date().toISOString().slice(0, 10);

/** A fresh copy of a doc from disk that keeps what it was compared against. */
export function reopen(doc: Doc, text: string, etag: string, status: DocStatus): Doc {
  const fresh = openDoc(doc.id, doc.version, text, etag, status);
  return doc.previousVersion && doc.previousText ? withPrevious(fresh, doc.previousVersion, doc.previousText) : fresh;
}

/** The workspace store and its in-memory operations: open forms, text, undo, selection, session. */
export class WorkspaceBase {
  readonly store: Store<WorkspaceState>;

  constructor() {
    const session = loadSession();
    const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
    this.store = new Store<WorkspaceState>({
      forms: [],
      formsLoaded: false,
      docs: {},
      tabs: [],
      diffs: {},
      selection: {},
      view: 'design',
      sidebar: 'explorer',
      showPreview: true,
      showPanel: true,
      theme: session.theme ?? (dark ? 'dark' : 'light'),
    });
  }

  get state(): WorkspaceState {
    return this.store.get();
  }

  activeDoc(): Doc | undefined {
    const a = this.state.active;
    return a ? this.state.docs[a] : undefined;
  }

  async init(): Promise<void> {
    startHeartbeat();
    onFileChanged((m) => void this.fileChangedElsewhere(m.doc, m.etag));
    await this.refreshForms();
    const session = loadSession();
    for (const tab of session.tabs) {
      if (tab.startsWith('diff:')) continue;
      const ref = parseDocKey(tab);
      if (ref) await this.openForm(ref.id, ref.version, false);
    }
    // Opening the tabs above stored the first as active: the one the session had is stored again,
    // or a second reload would open on another tab.
    if (session.active && this.state.tabs.includes(session.active)) this.setActive(session.active);
  }

  protected persistSession(): void {
    const { tabs, active, theme } = this.state;
    storeSession({ tabs: tabs.filter((t) => !t.startsWith('diff:')), ...(active ? { active } : {}), theme });
  }

  async refreshForms(): Promise<void> {
    const answer = await client.listForms();
    if (answer.ok) this.store.set({ forms: answer.forms, formsLoaded: true, formsError: undefined });
    else this.store.set({ formsError: answer.error });
  }

  /** The highest version below this one that is not a draft (what this version is checked against). */
  previousVersionOf(id: string, version: string): string | undefined {
    const versions = this.state.forms.find((f) => f.id === id)?.versions ?? [];
    const earlier = versions.filter((v) => v.status !== 'draft' && v.status !== 'invalid' && compareVersions(v.version, version) < 0).map((v) => v.version);
    return earlier.sort(compareVersions).pop();
  }

  statusOf(id: string, version: string): DocStatus {
    const v = this.state.forms.find((f) => f.id === id)?.versions.find((x) => x.version === version);
    return v?.status ?? 'draft';
  }

  async openForm(id: string, version: string, focus = true): Promise<void> {
    const key = docKeyOf(id, version);
    if (!this.state.docs[key]) {
      const answer = await client.readForm(id, version);
      if (!answer.ok) return this.toast(`Could not open ${id} ${version}: ${answer.error}`, 'error');
      const draft = loadDraft(key);
      const status = this.statusOf(id, version);
      const useDraft = draft && status === 'draft' && draft.text !== answer.text;
      let doc = openDoc(id, version, answer.text, answer.etag, status, useDraft ? draft.text : undefined);
      // The file changed on disk since the draft began: keep the draft, and say so at save time.
      if (useDraft && draft.baseEtag && draft.baseEtag !== answer.etag) doc = { ...doc, etag: draft.baseEtag, changedOnDisk: true };
      const previous = this.previousVersionOf(id, version);
      if (previous) {
        const prev = await client.readForm(id, previous);
        if (prev.ok) doc = withPrevious(doc, previous, prev.text);
      }
      this.store.set((s) => ({ docs: { ...s.docs, [key]: doc } }));
      if (draft && !useDraft) {
        // A draft is dropped only when the disk already holds it; otherwise it is kept and said.
        if (draft.text === answer.text) clearDraft(key);
        else if (status !== 'draft') this.toast(`Unsaved changes to ${id} ${version} are kept in this browser, but it is ${status} now: create a new version and paste them there.`, 'error');
      }
    }
    this.store.set((s) => ({ tabs: s.tabs.includes(key) ? s.tabs : [...s.tabs, key], ...(focus || !s.active ? { active: key } : {}) }));
    this.persistSession();
  }

  /**
   * Another tab saved, published or removed a file. A clean copy here is read again; unsaved
   * work here is kept, marked as over an older file, so saving it shows the conflict to resolve.
   */
  async fileChangedElsewhere(key: string, etag: string | null): Promise<void> {
    await this.refreshForms();
    const doc = this.state.docs[key];
    if (!doc || (etag !== null && doc.etag === etag)) return;
    if (isDirty(doc)) {
      this.store.set((s) => ({ docs: { ...s.docs, [key]: { ...(s.docs[key] ?? doc), changedOnDisk: true } } }));
      this.toast(`${doc.id} ${doc.version} was changed in another tab or window. Your unsaved changes here are kept; saving them lets you choose which to keep.`);
      return;
    }
    const fresh = await client.readForm(doc.id, doc.version);
    const current = this.state.docs[key];
    if (!fresh.ok || !current || isDirty(current)) return;
    this.store.set((s) => ({ docs: { ...s.docs, [key]: reopen(current, fresh.text, fresh.etag, this.statusOf(doc.id, doc.version)) } }));
  }

  setActive(tab: string): void {
    this.store.set({ active: tab });
    this.persistSession();
  }

  closeTab(tab: string): void {
    this.store.set((s) => {
      const i = s.tabs.indexOf(tab);
      const tabs = s.tabs.filter((t) => t !== tab);
      const active = s.active === tab ? tabs[Math.min(i, tabs.length - 1)] : s.active;
      const docs = { ...s.docs };
      // Unsaved text stays in localStorage; closing a tab only forgets the in-memory copy.
      if (!tab.startsWith('diff:')) delete docs[tab];
      return { tabs, active, docs };
    });
    this.persistSession();
  }

  protected putDoc(doc: Doc): void {
    this.store.set((s) => ({ docs: { ...s.docs, [doc.key]: doc } }));
    if (!isDirty(doc)) clearDraft(doc.key);
    else if (!storeDraft(doc.key, { text: doc.history.present, baseEtag: doc.etag, savedAt: new Date().toISOString() }) && !shownToast(this.state)) {
      this.toast('The browser’s storage is full: unsaved changes would not survive a reload. Save now (Ctrl+S).', 'error');
    }
  }

  private lintTimers = new Map<string, ReturnType<typeof setTimeout>>();

  setText(key: string, text: string, mergeKey?: string): void {
    const doc = this.state.docs[key];
    if (!doc) return;
    const typing = mergeKey === 'json';
    const next = changeText(doc, text, mergeKey, Date.now(), typing);
    if (next === doc) return;
    this.putDoc(next);
    clearTimeout(this.lintTimers.get(key));
    if (typing) {
      this.lintTimers.set(
        key,
        setTimeout(() => {
          const current = this.state.docs[key];
          if (current) this.store.set((s) => ({ docs: { ...s.docs, [key]: relint(current) } }));
        }, 200),
      );
    }
  }

  /** Applies a pure edit to the parsed definition; refused while the JSON does not parse. */
  edit(key: string, fn: (def: RawDefinition) => RawDefinition, mergeKey?: string): boolean {
    const doc = this.state.docs[key];
    if (!doc || isReadOnly(doc)) return false;
    if (!doc.parsed) {
      this.toast('Fix the JSON syntax first: the outline cannot change a definition that does not parse.', 'error');
      return false;
    }
    let next: RawDefinition;
    try {
      next = fn(doc.parsed);
    } catch (e) {
      this.toast(`That change could not be made: ${e instanceof Error ? e.message : String(e)}`, 'error');
      return false;
    }
    this.setText(key, definitionText(next), mergeKey);
    return true;
  }

  /** Undo in the active form, or in `key` (a toast's Undo: the tab may have changed since). */
  undo(key?: string): void {
    const doc = key === undefined ? this.activeDoc() : this.state.docs[key];
    if (doc) this.putDoc(undoDoc(doc));
  }

  redo(): void {
    const doc = this.activeDoc();
    if (doc) this.putDoc(redoDoc(doc));
  }

  select(key: string, selection: Selection): void {
    this.store.set((s) => ({ selection: { ...s.selection, [key]: selection } }));
  }

  /** `undo: true` offers the editor's undo of the change just made to the active form. */
  toast(message: string, tone: Toast['tone'] = 'info', undo: boolean | (() => void) = false): void {
    const doc = undo === true ? this.activeDoc() : undefined;
    const undoes = doc && { doc: doc.key, history: doc.history };
    this.store.set({ toast: { message, tone, undo: typeof undo === 'function' || !!undoes, ...(typeof undo === 'function' ? { onUndo: undo } : {}), ...(undoes ? { undoes } : {}) } });
  }

  announce(text: string): void {
    this.store.set((s) => ({ announcement: { text, nonce: (s.announcement?.nonce ?? 0) + 1 } }));
  }

  /**
   * Answer keys renamed by relabelling a new question, in order, per doc: the preview carries its
   * answers across them (the rename is known here, not guessed from two definitions).
   */
  readonly renames = new Map<string, Array<Rename & { seq: number }>>();
  private renameSeq = 0;

  noteRename(doc: string, rename: Rename): void {
    const list = this.renames.get(doc) ?? [];
    list.push({ ...rename, seq: ++this.renameSeq });
    // Only the renames since the preview last rebuilt matter; a long session must not grow this.
    if (list.length > 200) list.splice(0, list.length - 200);
    this.renames.set(doc, list);
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.store.set({ theme });
    this.persistSession();
  }

  /** With `inJson` false the place is remembered (F8 goes on from it) while Design stays shown. */
  revealPath(doc: string, path: string, line?: number, column?: number, inJson = true): void {
    this.store.set((s) => ({ ...(inJson ? { view: 'json' as const } : {}), reveal: { doc, path, ...(line ? { line } : {}), ...(column ? { column } : {}), nonce: (s.reveal?.nonce ?? 0) + 1 } }));
  }

  hashOf(text: string): string | undefined {
    try {
      return contentHash(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
}
