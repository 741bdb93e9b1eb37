import type { Answers } from '../../core/index';

/** What a draft holds: enough to rebuild the response and to notice a changed definition. */
export interface Draft {
  formId: string;
  version: string;
  sha256: string;
  responseId: string;
  startedAt: string;
  updatedAt: string;
  answers: Answers;
  /** The section the practitioner was on. */
  section?: number;
}

/**
 * Where drafts go. Hosts pass their own (their server, their encrypted store); the runtime's
 * defaults are `memoryStorage()` and `indexedDbStorage()` (encrypted at rest).
 * @public
 */
export interface DraftStorage {
  load(key: string): Promise<Draft | null> | Draft | null;
  save(key: string, draft: Draft): Promise<void> | void;
  remove(key: string): Promise<void> | void;
  /**
   * Every stored draft whose key starts with `prefix`. Optional for hosts' adapters; without it a
   * device can hold one draft per key the host chooses, and quick exit can only wipe the open one.
   */
  list?(prefix: string): Promise<StoredDraft[]> | StoredDraft[];
  /**
   * The keys of every stored draft whose key starts with `prefix`, without reading the drafts.
   * Quick exit finds what to wipe with it: reading (decrypting) every draft first made the wipe
   * outlast the time quick exit waits for it on a slow device, and the drafts stayed.
   */
  keys?(prefix: string): Promise<string[]> | string[];
  /**
   * Leaving the page (reload, navigation, closing the tab) leaves no time for async work such as
   * encryption. A store that offers these keeps the latest draft ready (`stage`, sealed ahead of
   * time) and writes it synchronously when the page goes (`writeStaged`), so the last edits before
   * leaving are kept. A later `save` or `remove` of the key supersedes what was staged.
   */
  stage?(key: string, draft: Draft): void;
  writeStaged?(): void;
  /** Set by the runtime's own browser stores: wiped on quick exit and never used for host-only forms. */
  readonly local?: boolean;
}

/** A draft with the key it is stored under. @public */
export interface StoredDraft {
  key: string;
  draft: Draft;
}

/**
 * Draft keys of one form all start with `assessment:<formId>`: `assessment:<formId>` itself (one
 * slot, as hosts and earlier releases used it), then `:<slot>` for each of several drafts (a
 * response id, or `subject:<id>` for a host's own subject id) and `@<version>` for a draft kept
 * from another version. Quick exit wipes every key of the form.
 */
export function draftKeyPrefix(formId: string): string {
  return `assessment:${formId}`;
}

/** Whether `key` is one of `formId`'s draft keys (and not another form's whose id starts alike). */
export function isDraftKeyOf(formId: string, key: string): boolean {
  const prefix = draftKeyPrefix(formId);
  if (!key.startsWith(prefix)) return false;
  const rest = key.slice(prefix.length);
  return rest === '' || rest.startsWith(':') || rest.startsWith('@');
}

/** Validates a loaded draft's shape, so a corrupted or hostile store cannot inject odd values. */
export function isDraft(value: unknown): value is Draft {
  if (!value || typeof value !== 'object') return false;
  const d = value as Record<string, unknown>;
  return (
    typeof d.formId === 'string' &&
    typeof d.version === 'string' &&
    typeof d.responseId === 'string' &&
    typeof d.startedAt === 'string' &&
    typeof d.updatedAt === 'string' &&
    !!d.answers &&
    typeof d.answers === 'object' &&
    !Array.isArray(d.answers)
  );
}
