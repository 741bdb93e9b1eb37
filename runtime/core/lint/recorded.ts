import { recordedHash } from '../definition/published';
import type { LintInput } from './rule';

/**
 * A published version whose hash is recorded: it cannot change, so rules whose finding only a new
 * version can fix (rule-shows-unanswered, option-reads-exclusive) leave it to that version.
 */
export function isRecordedPublished({ definition, context }: Pick<LintInput, 'definition' | 'context'>): boolean {
  return definition.status !== 'draft' && !!context.published && recordedHash(context.published, definition.id, definition.version) !== undefined;
}
