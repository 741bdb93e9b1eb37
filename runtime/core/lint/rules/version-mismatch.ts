import { lintProblem, type LintRule } from '../rule';

export const versionMismatch: LintRule = {
  codes: ['version-mismatch'],
  docs: 'The definition `version` must equal its file name (without `.json`).',
  check({ definition, context }) {
    if (context.fileVersion === undefined || context.fileVersion === definition.version) return [];
    return [
      lintProblem('version-mismatch', '/version', `The version "${definition.version}" differs from the file name "${context.fileVersion}.json".`, {
        version: definition.version,
        fileVersion: context.fileVersion,
      }),
    ];
  },
};
