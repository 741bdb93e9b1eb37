import { resolveScope, uiIndex } from '../../model/ui-index';
import { percentDecodedScope } from '../../model/pointers';
import type { FormModel, UiScope } from '../../model/types';
import { lintProblem, type LintRule } from '../rule';

export const scopeUnresolved: LintRule = {
  codes: ['scope-unresolved'],
  docs: 'Every UI scope (of a control or of a rule condition) must point at a property of the schema. Scopes are read as JSON Forms reads them, never percent-decoded.',
  check({ model }) {
    return uiIndex(model).scopes
      .filter((s) => s.target.kind === 'unresolved')
      .map((s) => {
        const detail = s.element.detailOf ? ` (inside the detail of "${s.element.detailOf.key}", scopes are relative to one item)` : '';
        const { hint, suggestion } = percentHint(model, s);
        return lintProblem('scope-unresolved', s.pointer, `The scope "${s.scope}" points at no property of the schema${detail}.${hint}`, {
          scope: s.scope,
          ...(suggestion ? { suggestion } : {}),
        });
      });
  },
};

/**
 * A scope written as a URI fragment (`#/properties/rate%20pct`) names a property called
 * `rate%20pct` for JSON Forms, so the runtime would show nothing there: say so, and give the
 * spelling that names the question when there is one.
 */
function percentHint(model: FormModel, s: UiScope): { hint: string; suggestion?: string } {
  const decoded = percentDecodedScope(s.scope);
  if (decoded === undefined) return { hint: '' };
  const names = resolveScope(model, decoded, s.element.detailOf).kind === 'question';
  return names
    ? { hint: ` Scopes are not percent-decoded: write "${decoded}".`, suggestion: decoded }
    : { hint: ' Scopes are not percent-decoded.' };
}
