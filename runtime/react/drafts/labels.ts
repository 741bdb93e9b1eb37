import type { Definition } from '../../core/index';
import { buildFormModel } from '../model/formModel';
import type { StoredDraft } from '../storage/types';

/**
 * What a draft is shown as in a list of assessments in progress: when it was started and last
 * saved, the section reached and the version. Never an answer: a shared screen, a shoulder or a
 * screenshot must not learn who is being assessed or what they said.
 */
export interface DraftLabel {
  key: string;
  version: string;
  startedAt: string;
  savedAt: string;
  /** The section's label in the draft's own version, when that version's definition is at hand. */
  section: string | null;
}

export function draftLabel(stored: StoredDraft, definition: Definition | null, locale?: string): DraftLabel {
  const { draft } = stored;
  let section: string | null = null;
  if (definition && definition.version === draft.version && typeof draft.section === 'number') {
    section = buildFormModel(definition, locale).sections?.[draft.section]?.label ?? null;
  }
  return { key: stored.key, version: draft.version, startedAt: formatWhen(draft.startedAt), savedAt: formatWhen(draft.updatedAt), section };
}

/** "25 Nov 2026, 10:05" in the page's time zone. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'an unknown time' : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
