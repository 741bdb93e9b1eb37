import { announceFileChanged } from './crossTab';
import { clearDraft } from './drafts';
import { docKeyOf, isDirty, isReadOnly, markSaved, relint } from './document';
import { isPlaceholderNote } from '../../../runtime/core/index';
import { definitionText, idFromTitle, newDefinition, newVersionFrom, withChangeNote, type RawDefinition } from './edits/index';
import { reopen, today, WorkspaceBase } from './workspaceBase';
import * as client from './workspaceClient';

export * from './workspaceBase';

/**
 * The workspace with everything that goes through the server: save (with the conflict guard),
 * publish, new forms and versions, and the texts the diff view compares.
 */
export class Workspace extends WorkspaceBase {
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
      announceFileChanged(doc.key, answer.etag);
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

  /** Text thrown away by Discard, kept for this session so Undo (or the command) brings it back. */
  readonly discarded = new Map<string, string>();

  async discard(key: string): Promise<void> {
    const doc = this.state.docs[key];
    if (!doc) return;
    const fresh = await client.readForm(doc.id, doc.version);
    if (!fresh.ok) return this.toast(fresh.error, 'error');
    if (isDirty(doc)) this.discarded.set(key, doc.history.present);
    clearDraft(key);
    this.store.set((s) => ({ docs: { ...s.docs, [key]: reopen(doc, fresh.text, fresh.etag, this.statusOf(doc.id, doc.version)) }, dialog: undefined }));
    this.toast(`Discarded unsaved changes to ${doc.id} ${doc.version}.`, 'info', () => this.restoreDiscarded(key));
  }

  /** Puts the discarded text back as unsaved changes (one more step of undo history). */
  restoreDiscarded(key: string): boolean {
    const text = this.discarded.get(key);
    if (text === undefined || !this.state.docs[key]) return false;
    this.discarded.delete(key);
    this.setText(key, text);
    this.toast(`Brought back the discarded changes to ${this.state.docs[key]!.id} ${this.state.docs[key]!.version}.`);
    return true;
  }

  /** Publishes with the change note the dialog asked for (issue 17), written into this version's entry first. */
  async publishWithNote(key: string, note: string): Promise<boolean> {
    if (isPlaceholderNote(note)) {
      this.toast('Write what changed and why before publishing.', 'error');
      return false;
    }
    const doc = this.state.docs[key];
    if (!doc) return false;
    if (doc.parsed && !this.edit(key, (d) => withChangeNote(d, note.trim(), today()))) return false;
    return this.publish(key);
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
    announceFileChanged(saved.key, fresh.ok ? fresh.etag : answer.etag);
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
    const text = definitionText(newVersionFrom(parsed, version));
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
}

export const workspace = new Workspace();
