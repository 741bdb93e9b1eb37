import { isAlive, tabId } from './tabSession';

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

function parseDraft(raw: string | null | undefined): StoredDraft | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<StoredDraft>;
    return typeof value.text === 'string' ? { text: value.text, baseEtag: typeof value.baseEtag === 'string' ? value.baseEtag : null, savedAt: String(value.savedAt ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/** Stored copies of one file: `<prefix><docKey>#<tab>` per tab, and the `<prefix><docKey>` of builds before issue 17. */
function copiesOf(docKey: string): Array<{ key: string; tab?: string }> {
  const s = storage();
  if (!s) return [];
  const out: Array<{ key: string; tab?: string }> = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(DRAFT_PREFIX)) continue;
    const rest = k.slice(DRAFT_PREFIX.length);
    const hash = rest.lastIndexOf('#');
    const doc = hash < 0 ? rest : rest.slice(0, hash);
    if (doc === docKey) out.push({ key: k, ...(hash < 0 ? {} : { tab: rest.slice(hash + 1) }) });
  }
  return out;
}

const ownKey = (docKey: string) => `${DRAFT_PREFIX}${docKey}#${tabId()}`;

/**
 * This tab's unsaved copy of a file. A tab with none takes over the newest copy of a tab that is
 * closed (or of an older build): the work of a closed window comes back, and another open tab's
 * work is never taken from it.
 */
export function loadDraft(docKey: string): StoredDraft | undefined {
  const s = storage();
  const own = parseDraft(s?.getItem(ownKey(docKey)));
  if (own) return own;
  const orphans = copiesOf(docKey)
    .filter((c) => c.tab === undefined || !isAlive(c.tab))
    .map((c) => ({ key: c.key, draft: parseDraft(s?.getItem(c.key)) }))
    .filter((c): c is { key: string; draft: StoredDraft } => !!c.draft)
    .sort((a, b) => (a.draft.savedAt < b.draft.savedAt ? 1 : -1));
  const newest = orphans[0];
  if (!newest) return undefined;
  // Moved, not copied: two tabs opened later must not both take the same closed tab's work.
  if (storeDraft(docKey, newest.draft)) s?.removeItem(newest.key);
  return newest.draft;
}

export function storeDraft(docKey: string, draft: StoredDraft): boolean {
  try {
    storage()?.setItem(ownKey(docKey), JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded: the caller shows that unsaved work is not protected.
    return false;
  }
}

/** Removes this tab's copy only: a save or discard here says nothing about another tab's work. */
export function clearDraft(docKey: string): void {
  storage()?.removeItem(ownKey(docKey));
}

/** Files with unsaved work kept in this browser, by any tab. */
export function draftKeys(): string[] {
  const s = storage();
  if (!s) return [];
  const keys = new Set<string>();
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (!k?.startsWith(DRAFT_PREFIX)) continue;
    const rest = k.slice(DRAFT_PREFIX.length);
    const hash = rest.lastIndexOf('#');
    keys.add(hash < 0 ? rest : rest.slice(0, hash));
  }
  return [...keys];
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
