import type { Draft, DraftStorage, StoredDraft } from './types';
import { isDraft } from './types';

const DB_NAME = 'assessment-studio';
const KEYS = 'keys';
const DRAFTS = 'drafts';
const KEY_ID = 'draft-key';

interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Keys are strings: every key starting with `prefix` sorts between it and prefix + U+FFFF. */
function keyRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, `${prefix}\uffff`);
}

function openDb(name: string): Promise<IDBDatabase> {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(KEYS)) db.createObjectStore(KEYS);
    if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS);
  };
  return request(req);
}

function tx<T>(db: IDBDatabase, store: string, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, mode);
    const req = run(t.objectStore(store));
    let result: T;
    req.onsuccess = () => (result = req.result);
    // Resolve on commit, not on request success: a draft counts as saved once it is durable.
    t.oncomplete = () => resolve(result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  });
}

/**
 * Drafts in IndexedDB, encrypted with AES-GCM under a key WebCrypto generated as non-extractable
 * and that is kept in IndexedDB as a CryptoKey object: script can use it but never read its bytes,
 * and the stored drafts are ciphertext to anything reading the disk or the database directly.
 * Residual risk: script running in this origin can still ask the key to decrypt (see SECURITY.md).
 * @public
 */
export function indexedDbStorage(options: { dbName?: string } = {}): DraftStorage {
  const dbName = options.dbName ?? DB_NAME;
  let dbPromise: Promise<IDBDatabase> | null = null;
  let keyPromise: Promise<CryptoKey> | null = null;
  const db = () => (dbPromise ??= openDb(dbName));
  const key = () =>
    (keyPromise ??= (async () => {
      const d = await db();
      const existing = await tx<unknown>(d, KEYS, 'readonly', (s) => s.get(KEY_ID));
      if (existing instanceof CryptoKey) return existing;
      const fresh = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await tx(d, KEYS, 'readwrite', (s) => s.put(fresh, KEY_ID));
      return fresh;
    })());

  const seal = async (draft: Draft): Promise<Sealed> => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), new TextEncoder().encode(JSON.stringify(draft)));
    return { iv, data };
  };
  // Every save, stage and removal takes a number; a key is only ever written with a newer number
  // than the last write or removal of that key, so an older draft never lands over a newer one,
  // nor over a removal (quick exit), whichever finishes its encryption last.
  let counter = 0;
  const lastWrite = new Map<string, number>();
  const staged = new Map<string, { seq: number; sealed: Sealed }>();
  const sealing = new Map<string, { seq: number; draft: Draft } | null>();
  let opened: IDBDatabase | null = null;
  const claim = (id: string, seq: number): boolean => {
    if ((lastWrite.get(id) ?? 0) > seq) return false;
    lastWrite.set(id, seq);
    return true;
  };
  const sealNext = (id: string, seq: number, draft: Draft) => {
    sealing.set(id, null);
    void seal(draft)
      .then((sealed) => {
        if ((staged.get(id)?.seq ?? 0) < seq) staged.set(id, { seq, sealed });
      }, () => undefined)
      .then(() => {
        const next = sealing.get(id);
        if (next) sealNext(id, next.seq, next.draft);
        else sealing.delete(id);
      });
  };

  const open = async (sealed: Sealed | undefined): Promise<Draft | null> => {
    if (!sealed || !(sealed.iv instanceof Uint8Array)) return null;
    try {
      const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> }, await key(), sealed.data);
      const draft: unknown = JSON.parse(new TextDecoder().decode(plain));
      return isDraft(draft) ? (draft as Draft) : null;
    } catch {
      // A draft sealed under a key that is gone cannot be read by anyone: treat as absent.
      return null;
    }
  };

  return {
    local: true,
    async load(id) {
      const d = await db();
      return open(await tx<Sealed | undefined>(d, DRAFTS, 'readonly', (s) => s.get(id)));
    },
    async keys(prefix) {
      const d = await db();
      const found = await tx(d, DRAFTS, 'readonly', (s) => s.getAllKeys(keyRange(prefix)));
      return found.filter((k): k is string => typeof k === 'string');
    },
    async list(prefix) {
      const d = await db();
      const range = keyRange(prefix);
      // One cursor in one transaction, so keys and values are read from the same state.
      const found = await new Promise<Array<[IDBValidKey, Sealed]>>((resolve, reject) => {
        const t = d.transaction(DRAFTS, 'readonly');
        const rows: Array<[IDBValidKey, Sealed]> = [];
        const req = t.objectStore(DRAFTS).openCursor(range);
        req.onsuccess = () => {
          const cursor = req.result;
          if (!cursor) return;
          rows.push([cursor.key, cursor.value as Sealed]);
          cursor.continue();
        };
        t.oncomplete = () => resolve(rows);
        t.onerror = () => reject(t.error);
        t.onabort = () => reject(t.error);
      });
      const out: StoredDraft[] = [];
      for (const [key, sealed] of found) {
        const draft = await open(sealed);
        if (draft && typeof key === 'string') out.push({ key, draft });
      }
      return out;
    },
    async save(id, draft) {
      const seq = ++counter;
      const sealed = await seal(draft);
      const d = await db();
      if (!claim(id, seq)) return;
      await tx(d, DRAFTS, 'readwrite', (s) => s.put(sealed satisfies Sealed, id));
    },
    async remove(id) {
      claim(id, ++counter);
      staged.delete(id);
      sealing.delete(id);
      const d = await db();
      await tx(d, DRAFTS, 'readwrite', (s) => s.delete(id));
    },
    stage(id, draft) {
      const seq = ++counter;
      void db().then((d) => (opened = d), () => undefined);
      // One encryption under way per key at a time; a stage meanwhile waits as the next one.
      if (sealing.has(id)) sealing.set(id, { seq, draft });
      else sealNext(id, seq, draft);
    },
    writeStaged() {
      if (!opened) return;
      for (const [id, { seq, sealed }] of staged) {
        if (!claim(id, seq)) continue;
        // Started synchronously, in the page's last task: the browser commits it after the page goes.
        const t = opened.transaction(DRAFTS, 'readwrite');
        t.objectStore(DRAFTS).put(sealed, id);
        // Commit now rather than when this task ends: a page being unloaded aborts what is left open.
        t.commit?.();
      }
      staged.clear();
    },
  };
}
