import type { Page } from 'playwright-core';

/**
 * The runtime's own draft store read directly in a page of the product's origin (IndexedDB
 * `assessment-studio`, drafts sealed with the non-extractable key kept beside them): what a
 * person who picks up the device could restore, whatever the form's own code says.
 */
interface StoredDraft {
  key: string;
  draft: Record<string, unknown> | null;
}

async function allDrafts(page: Page): Promise<StoredDraft[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('assessment-studio');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    if (!db.objectStoreNames.contains('drafts')) {
      db.close();
      return [];
    }
    const read = <T>(store: string, op: (s: IDBObjectStore) => IDBRequest<T>) =>
      new Promise<T>((res, rej) => {
        const r = op(db.transaction(store).objectStore(store));
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
    const key = db.objectStoreNames.contains('keys') ? ((await read('keys', (s) => s.get('draft-key'))) as CryptoKey | undefined) : undefined;
    const keys = (await read('drafts', (s) => s.getAllKeys())) as string[];
    const out: Array<{ key: string; draft: Record<string, unknown> | null }> = [];
    for (const k of keys) {
      const sealed = (await read('drafts', (s) => s.get(k))) as { iv: Uint8Array; data: ArrayBuffer } | undefined;
      let draft: Record<string, unknown> | null = null;
      if (key && sealed) {
        try {
          const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv as Uint8Array<ArrayBuffer> }, key, sealed.data);
          draft = JSON.parse(new TextDecoder().decode(plain));
        } catch {
          draft = null;
        }
      }
      out.push({ key: String(k), draft });
    }
    db.close();
    return out;
  });
}

/** Keys of every stored draft of `formId` (the scheme of runtime/react/storage/types.ts). */
export async function formDraftKeys(page: Page, formId: string): Promise<string[]> {
  const prefix = `assessment:${formId}`;
  return (await allDrafts(page)).map((d) => d.key).filter((k) => k === prefix || k.startsWith(`${prefix}:`) || k.startsWith(`${prefix}@`));
}

/** The most recently saved draft of `formId` on this device, decrypted; null when there is none. */
export async function readDraft(page: Page, formId: string): Promise<Record<string, unknown> | null> {
  const keys = new Set(await formDraftKeys(page, formId));
  const drafts = (await allDrafts(page)).filter((d) => keys.has(d.key) && d.draft).map((d) => d.draft!);
  drafts.sort((a, b) => String(b.updatedAt).localeCompare(String(a.updatedAt)));
  return drafts[0] ?? null;
}
