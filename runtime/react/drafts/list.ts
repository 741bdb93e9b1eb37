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
