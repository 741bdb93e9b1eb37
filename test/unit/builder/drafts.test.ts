import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKeys, loadDraft, loadSession, storeDraft, storeSession } from '../../../builder/app/services/drafts';
import { beat, resetTabIdForTests } from '../../../builder/app/services/tabSession';

/** A Map-backed localStorage, with a quota to exceed. */
class MemoryStorage {
  private map = new Map<string, string>();
  constructor(private quota = Infinity) {}
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (v.length > this.quota) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const g = globalThis as { localStorage?: unknown; sessionStorage?: unknown };

/** Switches the code under test to another browser tab: its own sessionStorage, the shared localStorage. */
function inTab(session: MemoryStorage): void {
  g.sessionStorage = session;
  resetTabIdForTests();
}

describe('unsaved work kept in the browser', () => {
  beforeEach(() => {
    g.localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete g.localStorage;
    delete g.sessionStorage;
    resetTabIdForTests();
  });

  it('issue 17: keeps a restore copy per tab, so a save in one tab leaves the other tab’s edit', () => {
    const a = new MemoryStorage();
    const b = new MemoryStorage();
    inTab(a);
    beat();
    storeDraft('f@1.0.0', { text: 'edit in A', baseEtag: '"1"', savedAt: '2026-01-01T00:00:01Z' });
    inTab(b);
    beat();
    storeDraft('f@1.0.0', { text: 'edit in B', baseEtag: '"1"', savedAt: '2026-01-01T00:00:02Z' });
    inTab(a);
    expect(loadDraft('f@1.0.0')?.text).toBe('edit in A');
    clearDraft('f@1.0.0'); // A saved
    expect(loadDraft('f@1.0.0')).toBeUndefined(); // B is open: its copy is not A's to take
    inTab(b); // B reloads: same sessionStorage, same tab
    expect(loadDraft('f@1.0.0')?.text).toBe('edit in B');
    expect(draftKeys()).toEqual(['f@1.0.0']);
  });

  it('issue 17: a tab that was closed leaves its copy to the next tab that opens the form', () => {
    const old = new MemoryStorage();
    inTab(old);
    storeDraft('f@1.0.0', { text: 'from a closed window', baseEtag: null, savedAt: 't' });
    inTab(new MemoryStorage());
    beat();
    expect(loadDraft('f@1.0.0')?.text).toBe('from a closed window');
    inTab(new MemoryStorage()); // taken over, not shared: a third tab does not get it as well
    expect(loadDraft('f@1.0.0')).toBeUndefined();
  });

  it('keeps a draft by form and version until it is cleared', () => {
    expect(storeDraft('a@1.0.0', { text: '{"x":1}', baseEtag: '"e"', savedAt: 't' })).toBe(true);
    expect(loadDraft('a@1.0.0')).toEqual({ text: '{"x":1}', baseEtag: '"e"', savedAt: 't' });
    expect(loadDraft('a@1.1.0')).toBeUndefined();
    expect(draftKeys()).toEqual(['a@1.0.0']);
    clearDraft('a@1.0.0');
    expect(loadDraft('a@1.0.0')).toBeUndefined();
  });

  it('ignores corrupt or hostile stored values instead of failing', () => {
    const s = g.localStorage as MemoryStorage;
    s.setItem('assessment-studio.draft.b@1.0.0', '{not json');
    s.setItem('assessment-studio.draft.c@1.0.0', '{"text": 5}');
    s.setItem('assessment-studio.session', '{"tabs": [1, "ok@1.0.0", {"__proto__": {}}], "theme": "neon"}');
    expect(loadDraft('b@1.0.0')).toBeUndefined();
    expect(loadDraft('c@1.0.0')).toBeUndefined();
    expect(loadSession()).toEqual({ tabs: ['ok@1.0.0'] });
  });

  it('reports a full storage instead of throwing, and works with no storage at all', () => {
    g.localStorage = new MemoryStorage(10);
    expect(storeDraft('a@1.0.0', { text: 'x'.repeat(100), baseEtag: null, savedAt: 't' })).toBe(false);
    storeSession({ tabs: ['a@1.0.0'], theme: 'dark' });
    delete g.localStorage;
    expect(loadDraft('a@1.0.0')).toBeUndefined();
    expect(loadSession()).toEqual({ tabs: [] });
    expect(draftKeys()).toEqual([]);
  });
});
