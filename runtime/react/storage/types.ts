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
  /** Set by the runtime's own browser stores: wiped on quick exit and never used for host-only forms. */
  readonly local?: boolean;
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
