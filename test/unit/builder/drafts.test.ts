import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearDraft, draftKeys, loadDraft, loadSession, storeDraft, storeSession } from '../../../builder/app/services/drafts';

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

const g = globalThis as { localStorage?: unknown };

describe('unsaved work kept in the browser', () => {
  beforeEach(() => {
    g.localStorage = new MemoryStorage();
  });
  afterEach(() => {
    delete g.localStorage;
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
