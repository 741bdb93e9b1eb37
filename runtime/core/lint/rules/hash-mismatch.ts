import { publishedContentHash, publishedKey, recordedHash } from '../../definition/published';
import { lintProblem, type LintRule } from '../rule';

/**
 * A version with a recorded hash has been published, so its file must not change (whatever its
 * status now says: setting a published file back to draft is a change too). The hash is of the
 * file's JSON as written, so `context.raw` is used when given.
 */
export const hashMismatch: LintRule = {
  codes: ['hash-mismatch'],
  docs: 'A published version never changes: its content hash must equal the one recorded in `form-definitions/published.json`.',
  check({ definition, context }) {
    if (!context.published) return [];
    const recorded = recordedHash(context.published, definition.id, definition.version);
    if (recorded === undefined) return [];
    const actual = publishedContentHash(context.raw ?? definition);
    if (actual === recorded) return [];
    return [
      lintProblem(
        'hash-mismatch',
        '',
        `${publishedKey(definition.id, definition.version)} was published and has since been edited (hash ${actual.slice(0, 12)}…, recorded ${recorded.slice(0, 12)}…). Undo the edit and make the change in a new version.`,
        { recorded, actual },
      ),
    ];
  },
};
