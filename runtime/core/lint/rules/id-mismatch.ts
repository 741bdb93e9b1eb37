import { lintProblem, type LintRule } from '../rule';

export const idMismatch: LintRule = {
  codes: ['id-mismatch'],
  docs: 'The definition `id` must equal the name of its folder under `form-definitions/`.',
  check({ definition, context }) {
    if (context.folderId === undefined || context.folderId === definition.id) return [];
    return [
      lintProblem('id-mismatch', '/id', `The id "${definition.id}" differs from its folder "${context.folderId}".`, {
        id: definition.id,
        folder: context.folderId,
      }),
    ];
  },
};
