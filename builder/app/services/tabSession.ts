/**
 * Which browser tab (editor session) this is, and which other tabs are still open, so each tab's
 * unsaved work has its own restore copy (issue 17: one slot per file let a save in one tab delete
 * another tab's edit). The id lives in sessionStorage, which a reload keeps and a new tab does not
 * share; a tab says it is alive with a heartbeat in localStorage, so the copies of a closed tab
 * can be taken over by the next one that opens the form, while a live tab's copies are left alone.
 */
const TAB_KEY = 'assessment-studio.tab';
export const ALIVE_PREFIX = 'assessment-studio.alive.';
const BEAT_MS = 4000;
/**
 * Well past Chrome's intensive throttling of hidden tabs (timers once a minute), so a tab left in
 * the background is never taken for closed; a tab closed normally says so at once (pagehide), and
 * only a crashed one waits this long before its copies are offered elsewhere.
 */
const DEAD_AFTER_MS = 150_000;

let cached: string | undefined;

function store(kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
}

/** 64 bits from `crypto.getRandomValues` (every page has it, http too): never Math.random. */
function freshId(): string {
  return [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This tab's id: the same across reloads of the tab, another in every other tab. */
export function tabId(): string {
  if (cached) return cached;
  const s = store('sessionStorage');
  let id: string | null | undefined;
  try {
    id = s?.getItem(TAB_KEY);
  } catch {
    id = undefined;
  }
  if (!id || !/^[0-9a-f]{16}$/.test(id)) {
    id = freshId();
    try {
      s?.setItem(TAB_KEY, id);
    } catch {
      /* no sessionStorage: the id lasts as long as the page */
    }
  }
  cached = id;
  return id;
}

/** Forgets the cached id (unit tests give each "tab" its own sessionStorage). */
export function resetTabIdForTests(): void {
  cached = undefined;
}

export function beat(now = Date.now()): void {
  try {
    store('localStorage')?.setItem(ALIVE_PREFIX + tabId(), String(now));
  } catch {
    /* storage full: other tabs may take this tab for closed, and offer its copies; nothing is lost */
  }
}

/** Is the tab with this id still open (it beat recently)? This tab always is. */
export function isAlive(id: string, now = Date.now()): boolean {
  if (id === tabId()) return true;
  const at = Number(store('localStorage')?.getItem(ALIVE_PREFIX + id));
  return Number.isFinite(at) && now - at < DEAD_AFTER_MS;
}

/** Starts the heartbeat; a tab being closed says so at once, so its copies are offered at once. */
export function startHeartbeat(): () => void {
  beat();
  const timer = setInterval(() => beat(), BEAT_MS);
  const gone = () => {
    try {
      store('localStorage')?.removeItem(ALIVE_PREFIX + tabId());
    } catch {
      /* nothing to do */
    }
  };
  const back = () => beat();
  globalThis.addEventListener?.('pagehide', gone);
  globalThis.addEventListener?.('pageshow', back);
  return () => {
    clearInterval(timer);
    globalThis.removeEventListener?.('pagehide', gone);
    globalThis.removeEventListener?.('pageshow', back);
  };
}
