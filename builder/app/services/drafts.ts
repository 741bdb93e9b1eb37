/**
 * Unsaved work kept in localStorage until it is saved or discarded, so a reload or a crash loses
 * nothing. Definitions are not answers: nothing sensitive is kept here.
 */
export interface StoredDraft {
  text: string;
  /** The ETag of the file the draft started from, to tell a conflict after a reload. */
  baseEtag: string | null;
  savedAt: string;
}

export interface StoredSession {
  tabs: string[];
  active?: string;
  theme?: 'light' | 'dark';
}

const DRAFT_PREFIX = 'assessment-studio.draft.';
const SESSION_KEY = 'assessment-studio.session';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(docKey: string): StoredDraft | undefined {
  const raw = storage()?.getItem(DRAFT_PREFIX + docKey);
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    return typeof value.text === 'string' ? { text: value.text, baseEtag: typeof value.baseEtag === 'string' ? value.baseEtag : null, savedAt: String(value.savedAt ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

export function storeDraft(docKey: string, draft: StoredDraft): boolean {
  try {
    storage()?.setItem(DRAFT_PREFIX + docKey, JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded: the caller shows that unsaved work is not protected.
    return false;
  }
}

export function clearDraft(docKey: string): void {
  storage()?.removeItem(DRAFT_PREFIX + docKey);
}

export function draftKeys(): string[] {
  const s = storage();
  if (!s) return [];
  const keys: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(DRAFT_PREFIX)) keys.push(k.slice(DRAFT_PREFIX.length));
  }
  return keys;
}

export function loadSession(): StoredSession {
  try {
    const value = JSON.parse(storage()?.getItem(SESSION_KEY) ?? '{}') as Partial<StoredSession>;
    return {
      tabs: Array.isArray(value.tabs) ? value.tabs.filter((t): t is string => typeof t === 'string') : [],
      ...(typeof value.active === 'string' ? { active: value.active } : {}),
      ...(value.theme === 'dark' || value.theme === 'light' ? { theme: value.theme } : {}),
    };
  } catch {
    return { tabs: [] };
  }
}

export function storeSession(session: StoredSession): void {
  try {
    storage()?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    /* the session is a convenience; drafts are what matter */
  }
}
