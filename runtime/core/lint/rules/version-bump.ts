import { suggestVersion, stepIsEnough, versionStep } from '../../versions/index';
import { lintProblem, type LintRule } from '../rule';

/**
 * The version must rise at least as far as its changes since the previous version require
 * (docs/versions.md): removing or newly requiring a question needs a new major version.
 * Runs only when the context names the previous version (consecutive files in `form-definitions/`).
 */
export const versionBumpTooSmall: LintRule = {
  codes: ['version-bump-too-small'],
  docs: 'The version number must rise by at least what the changes since the previous version require (docs/versions.md).',
  check({ definition, context }) {
    const previous = context.previous;
    if (!previous) return [];
    const { bump, version, changes } = suggestVersion(previous, definition);
    const step = versionStep(previous.version, definition.version);
    if (stepIsEnough(step, bump)) return [];
    const needed = changes.filter((c) => c.severity === bump);
    const reasons = needed.slice(0, 3).map((c) => c.summary).join('; ') + (needed.length > 3 ? `; and ${needed.length - 3} more` : '');
    const stepText = step === 'none' ? `is not later than ${previous.version}` : `is a ${step} step from ${previous.version}`;
    return [
      lintProblem('version-bump-too-small', '/version',
        `Version ${definition.version} ${stepText}, but the changes need a ${bump} version (at least ${version}): ${reasons}.`,
        { previous: previous.version, step, needed: bump, suggested: version, changes: needed.map((c) => ({ kind: c.kind, code: c.code })) }),
    ];
  },
};
