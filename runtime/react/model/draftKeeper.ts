import type { Draft, DraftStorage, StoredDraft } from '../storage/types';
import { isDraft } from '../storage/types';
import { keptDraftKey } from '../drafts/keys';
import { removeFormDrafts } from '../drafts/list';

type Listener = () => void;

export interface DraftKeeperOptions {
  storage: DraftStorage;
  key: string;
  formId: string;
  /** The draft as it stands now (answers, section, ids). */
  current: () => Draft;
  /** Whether saving is allowed now (not once the form is submitted or destroyed). */
  canSave: () => boolean;
  /** A save failed (true) or succeeded again after a failure (false): the form says so. */
  onSaveFailed: (failed: boolean) => void;
  /** Debounce of saves in ms (default 250). */
  saveDelay?: number;
  /** Longest wait for a save while answers keep changing, in ms (default 1000). */
  saveMaxWait?: number;
}

/**
 * One form's draft in its store: when to save, in what order, and what quick exit leaves behind.
 * Every write and removal goes through one queue, so a removal never overtakes a write; after
 * quick exit nothing is written at all.
 */
export class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest unsaved change was made: saves wait for a pause, but never longer than saveMaxWait. */
  private dirtySince: number | null = null;
  private dirty = false;
  private queue: Promise<unknown> = Promise.resolve();
  /** Set by quick exit: from then on nothing is written, whatever is pending. */
  private exiting = false;
  private savedAt: string | null = null;
  private readonly savedListeners = new Set<Listener>();

  constructor(private readonly o: DraftKeeperOptions) {}

  get key(): string {
    return this.o.key;
  }

  /** When the draft was last saved (ISO), for the "Draft saved" line; null before the first save. */
  getSavedAt(): string | null {
    return this.savedAt;
  }
  subscribeSaved(l: Listener): () => void {
    this.savedListeners.add(l);
    return () => this.savedListeners.delete(l);
  }

  /** The form continues from `draft`: its save time is the last one. */
  restoredFrom(draft: Draft): void {
    this.savedAt = draft.updatedAt;
  }

  /**
   * The stored draft under this form's key, if it is one (a corrupted or hostile store gives null).
   * At once from a store that answers at once (memory), so that form never renders without it.
   */
  load(): Draft | null | Promise<Draft | null> {
    const checked = (loaded: unknown) => (isDraft(loaded) ? loaded : null);
    try {
      const loaded: unknown = this.o.storage.load(this.o.key);
      const pending = loaded !== null && typeof loaded === 'object' && typeof (loaded as PromiseLike<unknown>).then === 'function';
      return pending ? Promise.resolve(loaded as PromiseLike<unknown>).then(checked, () => null) : checked(loaded);
    } catch {
      return null;
    }
  }

  /**
   * Something changed. Saves wait for a pause in typing (saveDelay), but never longer than
   * saveMaxWait after the first unsaved change: continuous typing still saves once a second.
   */
  changed(): void {
    if (this.exiting || !this.o.canSave()) return;
    this.dirty = true;
    const now = Date.now();
    this.dirtySince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(this.o.saveDelay ?? 250, Math.max(0, this.dirtySince + (this.o.saveMaxWait ?? 1000) - now));
    this.timer = setTimeout(() => void this.flush(), wait);
    // Keeps the store's sealed copy current, for `leavePage` (stores that stage only).
    this.o.storage.stage?.(this.o.key, this.o.current());
  }

  /** Forgets unsaved changes (the form was submitted: its draft is about to go). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty = false;
    this.dirtySince = null;
  }

  /** Runs a storage operation after every one queued before it. */
  private enqueue<T>(op: () => Promise<T> | T): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Saves the draft now if anything changed since the last save. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.dirty || this.exiting || !this.o.canSave()) return;
    this.dirty = false;
    this.dirtySince = null;
    const draft = this.o.current();
    try {
      // Checked again when its turn comes: quick exit may have been pressed meanwhile.
      const written = await this.enqueue(async () => {
        if (this.exiting) return false;
        await this.o.storage.save(this.o.key, draft);
        return true;
      });
      if (!written) return;
      this.savedAt = draft.updatedAt;
      for (const l of [...this.savedListeners]) l();
      this.o.onSaveFailed(false);
    } catch {
      this.dirty = true;
      this.dirtySince ??= Date.now();
      this.o.onSaveFailed(true);
    }
  }

  /**
   * The page is going (reload, navigation, tab closed): the staged draft is written in this task,
   * since async work may never finish now; a normal save is started too, for stores that cannot stage.
   */
  leavePage(): void {
    if (this.exiting || !this.o.canSave()) return;
    if (this.dirty) this.o.storage.writeStaged?.();
    void this.flush();
  }

  /** Removes this form's draft (after submit), in its turn. */
  remove(): Promise<void> {
    return this.enqueue(() => this.o.storage.remove(this.o.key));
  }

  /**
   * A draft of another version moves to `<key>@<version>`, so this form's saves cannot overwrite
   * it. Returns where it went, or null when it could not be moved (it is then at risk).
   */
  async setAside(draft: Draft): Promise<StoredDraft | null> {
    const key = keptDraftKey(this.o.key, draft.version);
    try {
      // Checked when its turn comes, as a save is: a draft read as quick exit was pressed must not
      // be written back after quick exit has removed every draft of the form.
      const moved = await this.enqueue(async () => {
        if (this.exiting) return false;
        await this.o.storage.save(key, draft);
        await this.o.storage.remove(this.o.key);
        return true;
      });
      return moved ? { key, draft } : null;
    } catch {
      return null;
    }
  }

  /** Quick exit was pressed: nothing more is written, and nothing read is to be shown. */
  get exited(): boolean {
    return this.exiting;
  }

  /**
   * Quick exit: no write starts after this call; one already under way finishes first, then every
   * draft of this form in the runtime's own browser store is removed (all of them: the device must
   * hold nothing of this form). A host's store keeps the latest draft (flushed here) where the
   * host put it.
   */
  async quickExit(): Promise<void> {
    const { storage, formId } = this.o;
    if (!storage.local) {
      await this.flush();
      this.exiting = true;
      return;
    }
    this.exiting = true;
    this.cancel();
    await this.enqueue(() => removeFormDrafts(storage, formId, [this.o.key]));
  }
}
