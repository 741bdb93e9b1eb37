import { lintProblem, type LintRule } from '../rule';

export const scopeUnresolved: LintRule = {
  codes: ['scope-unresolved'],
  docs: 'Every UI scope (of a control or of a rule condition) must point at a property of the schema.',
  check({ model }) {
    return model.scopes
      .filter((s) => s.target.kind === 'unresolved')
      .map((s) =>
        lintProblem(
          'scope-unresolved',
          s.pointer,
          `The scope "${s.scope}" points at no property of the schema${s.element.detailOf ? ` (inside the detail of "${s.element.detailOf.key}", scopes are relative to one item)` : ''}.`,
          { scope: s.scope },
        ),
      );
  },
};
