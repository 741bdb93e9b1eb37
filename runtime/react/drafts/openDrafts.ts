/**
 * Which drafts are open in a tab or window of this browser, by a Web Lock held for as long as a
 * form is open on the draft. Two tabs writing one draft would each overwrite the other's answers
 * without a word, so a draft open elsewhere is not offered to resume or discard. Browsers without
 * Web Locks offer every draft, as before.
 */
const PREFIX = 'assessment-studio:draft:';

type Locks = { request(name: string, cb: () => Promise<void>): Promise<unknown>; query(): Promise<{ held?: Array<{ name?: string }> }> };
const locks = (): Locks | undefined => (typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: Locks }).locks : undefined);

/** Marks the draft under `key` as open here until the returned function is called. */
export function holdDraft(key: string): () => void {
  let release: (() => void) | undefined;
  let released = false;
  void locks()?.request(PREFIX + key, () => new Promise<void>((resolve) => (released ? resolve() : (release = resolve))));
  return () => {
    released = true;
    release?.();
  };
}

/** The keys of drafts open in some tab or window of this browser now. */
export async function draftsOpenElsewhere(): Promise<Set<string>> {
  const l = locks();
  if (!l) return new Set();
  try {
    const { held = [] } = await l.query();
    return new Set(held.map((h) => h.name ?? '').filter((n) => n.startsWith(PREFIX)).map((n) => n.slice(PREFIX.length)));
  } catch {
    return new Set();
  }
}
