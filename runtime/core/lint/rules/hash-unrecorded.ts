import { publishedKey, recordedHash } from '../../definition/published';
import { lintProblem, type LintRule } from '../rule';

export const hashUnrecorded: LintRule = {
  codes: ['hash-unrecorded'],
  docs: 'A file that says `published` (or `retired`) must have its hash recorded in `form-definitions/published.json` (run `assessment-studio publish`).',
  check({ definition, context }) {
    if (!context.published || definition.status === 'draft') return [];
    if (recordedHash(context.published, definition.id, definition.version) !== undefined) return [];
    return [
      lintProblem(
        'hash-unrecorded',
        '/status',
        `${publishedKey(definition.id, definition.version)} says "${definition.status}" but no hash is recorded for it in published.json; publish it with "assessment-studio publish".`,
      ),
    ];
  },
};
