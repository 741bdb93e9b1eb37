import type { Draft, DraftStorage } from './types';

/**
 * Drafts in memory: gone when the page goes. The default for embeds, so nothing is written
 * anywhere the host did not choose. Copies through JSON so callers cannot alias stored drafts.
 * @public
 */
export function memoryStorage(): DraftStorage {
  const drafts = new Map<string, string>();
  return {
    load: (key) => {
      const text = drafts.get(key);
      return text === undefined ? null : (JSON.parse(text) as Draft);
    },
    save: (key, draft) => {
      drafts.set(key, JSON.stringify(draft));
    },
    remove: (key) => {
      drafts.delete(key);
    },
    keys: (prefix) => [...drafts.keys()].filter((key) => key.startsWith(prefix)),
    list: (prefix) =>
      [...drafts]
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, text]) => ({ key, draft: JSON.parse(text) as Draft })),
  };
}
