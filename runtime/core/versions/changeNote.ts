import type { Problem } from '../problems/problem';

/**
 * The change note a version is published with (issue 17): its `changelog` entry must say what
 * changed, in words of its author. The builder once wrote this placeholder into every new
 * version, and it was published as it was.
 */
export const CHANGE_NOTE_PLACEHOLDER = 'Describe what changed and why.';

/** Is this note empty, or the placeholder (whatever its case and spacing)? */
export function isPlaceholderNote(summary: unknown): boolean {
  if (typeof summary !== 'string') return true;
  const plain = summary.replace(/\s+/g, ' ').trim().toLowerCase();
  return plain === '' || plain === CHANGE_NOTE_PLACEHOLDER.toLowerCase() || plain === CHANGE_NOTE_PLACEHOLDER.slice(0, -1).toLowerCase();
}

/**
 * Checked when a version is published (by the command line, the server and the builder), not by
 * lint: a draft may be unfinished, and only publishing makes the note part of the record.
 */
export function changeNoteProblems(definition: { version: string; changelog?: ReadonlyArray<{ version: string; summary?: unknown }> }): Problem[] {
  const entries = definition.changelog ?? [];
  const at = entries.findIndex((e) => e.version === definition.version);
  if (at < 0) {
    return [{ code: 'change-note-missing', severity: 'error', message: `Write a change note for ${definition.version}: the changelog has no entry for it.`, path: '/changelog', source: 'envelope', params: { version: definition.version } }];
  }
  if (!isPlaceholderNote(entries[at]!.summary)) return [];
  return [{ code: 'change-note-missing', severity: 'error', message: `Write what changed in ${definition.version} and why: the change note is empty or still the placeholder.`, path: `/changelog/${at}/summary`, source: 'envelope', params: { version: definition.version } }];
}
