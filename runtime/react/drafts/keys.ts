import { draftKeyPrefix } from '../storage/types';
import { randomId } from '../randomId';

/**
 * Keys for the drafts of one form, in the scheme of `draftKeyPrefix`: each new assessment on the
 * practitioner page gets its own slot, and a host's subject id names a slot of its own. Ids are
 * percent-encoded, so a `:` or `@` in a host's id can never read as a version suffix.
 */
export function slotDraftKey(formId: string, slot: string): string {
  return `${draftKeyPrefix(formId)}:${encodeURIComponent(slot)}`;
}

/** The draft key of a host's subject (client, case) for this form. @public */
export function subjectDraftKey(formId: string, subjectId: string): string {
  return `${draftKeyPrefix(formId)}:subject:${encodeURIComponent(subjectId)}`;
}

/** A fresh slot for a new assessment. */
export function newDraftKey(formId: string): string {
  return slotDraftKey(formId, randomId());
}

/** Where a draft of another version is kept when a form opens under its key: `<key>@<version>`. */
export function keptDraftKey(key: string, version: string): string {
  return `${key}@${version}`;
}
