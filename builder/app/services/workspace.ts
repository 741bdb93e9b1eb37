import { contentHash } from '../../../runtime/core/index';
import { clearDraft, loadDraft, loadSession, storeDraft, storeSession } from './drafts';
import { changeText, docKeyOf, isDirty, isReadOnly, markSaved, openDoc, parseDocKey, redoDoc, relint, undoDoc, withPrevious, type Doc, type DocStatus } from './document';
import { compareVersions } from '../commands/file';
import { definitionText, idFromTitle, newDefinition, newVersionFrom, type RawDefinition } from './edits/index';
import { Store } from './store';
import * as client from './workspaceClient';

export type Selection =
  | { kind: 'form' }
  | { kind: 'section'; section: number }
  | { kind: 'item'; section: number; index: number }
  | { kind: 'child'; group: string; key: string };

export interface DiffTab {
  id: string;
  left: string;
  right: string;
}

export type Dialog =
  | { kind: 'new-form' }
  | { kind: 'new-version'; id: string; from: string }
  | { kind: 'conflict'; doc: string }
  | { kind: 'publish'; doc: string }
  | { kind: 'quick-open' }
  | { kind: 'commands' };

export interface Toast {
  message: string;
  undo?: boolean;
  tone?: 'info' | 'error';
}

export interface WorkspaceState {
  forms: client.FormSummary[];
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
  busy?: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A fresh copy of a doc from disk that keeps what it was compared against. */
function reopen(doc: Doc, text: string, etag: string, status: DocStatus): Doc {
  const fresh = openDoc(doc.id, doc.version, text, etag, status);
  return doc.previousVersion && doc.previousText ? withPrevious(fresh, doc.previousVersion, doc.previousText) : fresh;
}

export class Workspace {
  readonly store: Store<WorkspaceState>;

  constructor() {
    const session = loadSession();
    const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
    this.store = new Store<WorkspaceState>({
      forms: [],
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
    await this.refreshForms();
    const session = loadSession();
    for (const tab of session.tabs) {
      if (tab.startsWith('diff:')) continue;
      const ref = parseDocKey(tab);
      if (ref) await this.openForm(ref.id, ref.version, false);
    }
    if (session.active && this.state.tabs.includes(session.active)) this.store.set({ active: session.active });
  }

  private persistSession(): void {
    const { tabs, active, theme } = this.state;
    storeSession({ tabs: tabs.filter((t) => !t.startsWith('diff:')), ...(active ? { active } : {}), theme });
  }

  async refreshForms(): Promise<void> {
    const answer = await client.listForms();
    if (answer.ok) this.store.set({ forms: answer.forms, formsError: undefined });
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
      if (useDraft && draft.baseEtag && draft.baseEtag !== answer.etag) doc = { ...doc, etag: draft.baseEtag };
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

  private putDoc(doc: Doc): void {
    this.store.set((s) => ({ docs: { ...s.docs, [doc.key]: doc } }));
    if (!isDirty(doc)) clearDraft(doc.key);
    else if (!storeDraft(doc.key, { text: doc.history.present, baseEtag: doc.etag, savedAt: new Date().toISOString() }) && !this.state.toast) {
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

  undo(): void {
    const doc = this.activeDoc();
    if (doc) this.putDoc(undoDoc(doc));
  }

  redo(): void {
    const doc = this.activeDoc();
    if (doc) this.putDoc(redoDoc(doc));
  }

  select(key: string, selection: Selection): void {
    this.store.set((s) => ({ selection: { ...s.selection, [key]: selection } }));
  }

  toast(message: string, tone: Toast['tone'] = 'info', undo = false): void {
    this.store.set({ toast: { message, tone, undo } });
  }

  async save(key = this.state.active): Promise<boolean> {
    const doc = key ? this.state.docs[key] : undefined;
    if (!doc) return false;
    if (isReadOnly(doc)) {
      this.toast(`${doc.id} ${doc.version} is ${doc.status} and cannot change. Create a new version instead.`, 'error');
      return false;
    }
    if (!isDirty(doc) && doc.etag) return true;
    const text = doc.history.present;
    const answer = await client.saveForm(doc.id, doc.version, text, doc.etag);
    if (answer.ok) {
      this.putDoc(markSaved(this.state.docs[key!] ?? doc, text, answer.etag));
      this.toast(`Saved ${doc.id} ${doc.version}.`);
      void this.refreshForms();
      return true;
    }
    if (answer.reason === 'conflict' || (answer.status === 409 && answer.current !== undefined)) {
      const current = this.state.docs[key!] ?? doc;
      this.store.set((s) => ({
        docs: { ...s.docs, [doc.key]: { ...current, conflict: { diskText: answer.current ?? '', ...(answer.etag ? { diskEtag: answer.etag } : {}) } } },
        dialog: { kind: 'conflict', doc: doc.key },
      }));
      return false;
    }
    this.toast(`Not saved: ${answer.error}`, 'error');
    return false;
  }

  /** Conflict resolutions: keep mine (overwrite the disk), take theirs (discard mine). */
  async overwrite(key: string): Promise<void> {
    const doc = this.state.docs[key];
    if (!doc?.conflict) return;
    let etag = doc.conflict.diskEtag;
    if (!etag) {
      const fresh = await client.readForm(doc.id, doc.version);
      if (!fresh.ok) return this.toast(fresh.error, 'error');
      etag = fresh.etag;
    }
    this.putDoc({ ...doc, etag });
    this.store.set({ dialog: undefined });
    await this.save(key);
  }

  async discard(key: string): Promise<void> {
    const doc = this.state.docs[key];
    if (!doc) return;
    const fresh = await client.readForm(doc.id, doc.version);
    if (!fresh.ok) return this.toast(fresh.error, 'error');
    clearDraft(key);
    this.store.set((s) => ({ docs: { ...s.docs, [key]: reopen(doc, fresh.text, fresh.etag, this.statusOf(doc.id, doc.version)) }, dialog: undefined }));
    this.toast(`Discarded unsaved changes to ${doc.id} ${doc.version}.`);
  }

  async publish(key = this.state.active): Promise<boolean> {
    const stale = key ? this.state.docs[key] : undefined;
    if (!stale) return false;
    // Typing defers lint: publish decides on the text as it is now.
    const doc = relint(stale);
    this.store.set((s) => ({ docs: { ...s.docs, [doc.key]: doc } }));
    const errors = doc.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0) {
      this.store.set({ showPanel: true });
      this.toast(`Cannot publish: fix the ${errors} error${errors === 1 ? '' : 's'} in the Problems panel first.`, 'error');
      return false;
    }
    if (isReadOnly(doc)) {
      this.toast(`${doc.id} ${doc.version} is already ${doc.status}.`, 'error');
      return false;
    }
    if (!(await this.save(key))) return false;
    const saved = this.state.docs[key!]!;
    const answer = await client.publishForm(saved.id, saved.version, saved.etag);
    if (!answer.ok) {
      const detail = answer.problems?.length ? ` (${answer.problems.length} problem${answer.problems.length === 1 ? '' : 's'})` : '';
      this.toast(`Not published: ${answer.error}${detail}`, 'error');
      return false;
    }
    const fresh = await client.readForm(saved.id, saved.version);
    const text = fresh.ok ? fresh.text : saved.history.present;
    clearDraft(saved.key);
    this.store.set((s) => ({ docs: { ...s.docs, [saved.key]: reopen(saved, text, fresh.ok ? fresh.etag : answer.etag, 'published') } }));
    await this.refreshForms();
    this.toast(`Published ${saved.id} ${saved.version}. Content hash ${answer.sha256.slice(0, 12)}…`);
    return true;
  }

  async newForm(title: string): Promise<string | undefined> {
    const id = idFromTitle(title, this.state.forms.map((f) => f.id));
    const def = newDefinition(id, title.trim() || 'Untitled form', today());
    const version = String(def.version);
    const text = definitionText(def);
    const answer = await client.saveForm(id, version, text, null);
    if (!answer.ok) {
      this.toast(`Could not create the form: ${answer.error}`, 'error');
      return undefined;
    }
    await this.refreshForms();
    await this.openForm(id, version);
    this.store.set({ dialog: undefined, sidebar: 'outline', view: 'design' });
    return docKeyOf(id, version);
  }

  /** Copies `from` to a new draft `version`. */
  async newVersion(id: string, from: string, version: string): Promise<boolean> {
    const source = this.state.docs[docKeyOf(id, from)]?.history.present ?? (await this.fetchText(id, from));
    if (source === undefined) return false;
    let parsed: RawDefinition;
    try {
      parsed = JSON.parse(source) as RawDefinition;
    } catch {
      this.toast(`${id} ${from} is not valid JSON; fix it before copying it.`, 'error');
      return false;
    }
    const text = definitionText(newVersionFrom(parsed, version, today()));
    const answer = await client.saveForm(id, version, text, null);
    if (!answer.ok) {
      this.toast(`Could not create ${id} ${version}: ${answer.error}`, 'error');
      return false;
    }
    await this.refreshForms();
    await this.openForm(id, version);
    this.store.set({ dialog: undefined });
    return true;
  }

  async fetchText(id: string, version: string): Promise<string | undefined> {
    const open = this.state.docs[docKeyOf(id, version)];
    if (open) return open.history.present;
    const answer = await client.readForm(id, version);
    if (!answer.ok) {
      this.toast(answer.error, 'error');
      return undefined;
    }
    return answer.text;
  }

  async openDiff(id: string, left: string, right: string): Promise<void> {
    const tab = `diff:${id}:${left}:${right}`;
    const [leftText, rightText] = await Promise.all([this.fetchText(id, left), this.fetchText(id, right)]);
    this.store.set((s) => ({
      diffs: { ...s.diffs, [tab]: { id, left, right, ...(leftText !== undefined ? { leftText } : {}), ...(rightText !== undefined ? { rightText } : {}) } },
      tabs: s.tabs.includes(tab) ? s.tabs : [...s.tabs, tab],
      active: tab,
    }));
  }

  /** A diff tab showing the unsaved text against what is on disk (after a conflict). */
  openConflictDiff(key: string): void {
    const doc = this.state.docs[key];
    if (!doc?.conflict) return;
    const tab = `diff:${doc.id}:disk:${doc.version}`;
    this.store.set((s) => ({
      diffs: { ...s.diffs, [tab]: { id: doc.id, left: 'on disk', right: `${doc.version} (yours)`, leftText: doc.conflict!.diskText, rightText: doc.history.present } },
      tabs: s.tabs.includes(tab) ? s.tabs : [...s.tabs, tab],
      active: tab,
      dialog: undefined,
    }));
  }

  setTheme(theme: 'light' | 'dark'): void {
    this.store.set({ theme });
    this.persistSession();
  }

  revealPath(doc: string, path: string, line?: number, column?: number): void {
    this.store.set((s) => ({ view: 'json', reveal: { doc, path, ...(line ? { line } : {}), ...(column ? { column } : {}), nonce: (s.reveal?.nonce ?? 0) + 1 } }));
  }

  hashOf(text: string): string | undefined {
    try {
      return contentHash(JSON.parse(text));
    } catch {
      return undefined;
    }
  }
}

export const workspace = new Workspace();
