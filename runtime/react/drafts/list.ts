import type { DraftStorage, StoredDraft } from '../storage/types';
import { draftKeyPrefix, isDraft, isDraftKeyOf } from '../storage/types';

/**
 * Every draft of `formId` in `storage`, last saved first. A store without `list` (a host's
 * adapter) can only answer for the one-slot key `assessment:<formId>`.
 * @public
 */
export async function listFormDrafts(storage: DraftStorage, formId: string): Promise<StoredDraft[]> {
  const prefix = draftKeyPrefix(formId);
  let found: StoredDraft[];
  if (storage.list) {
    found = await storage.list(prefix);
  } else {
    const draft = await storage.load(prefix);
    found = draft ? [{ key: prefix, draft }] : [];
  }
  return found
    .filter((s) => isDraftKeyOf(formId, s.key) && isDraft(s.draft) && s.draft.formId === formId)
    .sort((a, b) => (a.draft.updatedAt < b.draft.updatedAt ? 1 : a.draft.updatedAt > b.draft.updatedAt ? -1 : 0));
}

/**
 * Quick exit's wipe: every draft of `formId` in the runtime's own device store (each assessment's
 * slot, drafts set aside for another version, and the keys in `also`). One place for the form's
 * quick exit and for the pages that show no form (the chooser, the list).
 */
export async function removeFormDrafts(storage: DraftStorage, formId: string, also: readonly string[] = []): Promise<void> {
  // The open draft first: quick exit waits for this wipe only so long, and finding the others takes longer.
  for (const key of also) await storage.remove(key);
  const prefix = draftKeyPrefix(formId);
  // By key when the store can list keys: reading every draft (decrypting it) only to learn its key
  // made the wipe outlast quick exit's wait on a slow device.
  const stored = storage.keys ? await storage.keys(prefix) : storage.list ? (await storage.list(prefix)).map((d) => d.key) : [];
  for (const key of stored) if (isDraftKeyOf(formId, key) && !also.includes(key)) await storage.remove(key);
}
