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
  const keys = new Set(also);
  if (storage.list) for (const { key } of await storage.list(draftKeyPrefix(formId))) if (isDraftKeyOf(formId, key)) keys.add(key);
  for (const key of keys) await storage.remove(key);
}
