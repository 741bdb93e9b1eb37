import { resolveScope } from '../../model/scopes';
import { percentDecodedScope, scopeTokens } from '../../model/pointers';
import { visibleText } from '../../safety/characters';
import { named } from '../wording';
import type { FormModel, UiScope } from '../../model/types';
import { lintProblem, type LintRule } from '../rule';

export const scopeUnresolved: LintRule = {
  codes: ['scope-unresolved'],
  docs: 'Every UI scope (of a control or of a rule condition) must point at a property of the schema. Scopes are read as JSON Forms reads them, never percent-decoded.',
  check({ model }) {
    return model.ui.scopes
      .filter((s) => s.target.kind === 'unresolved')
      .map((s) => {
        const detail = s.element.detailOf ? ` of the repeatable group ${named(s.element.detailOf)}` : ' of the form';
        const { hint, suggestion } = percentHint(model, s);
        const what = s.role === 'rule' ? 'A show-when here asks about' : 'The layout shows';
        return lintProblem('scope-unresolved', s.pointer, `${what} “${visibleText(referred(s.scope))}”, which is not a question${detail}.${hint}`, {
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
    ? { hint: ` Its name is written with %-codes: write “${referred(decoded)}” as it is.`, suggestion: decoded }
    : { hint: ' Its name is written with %-codes, which are read as they stand.' };
}

/** What a reference names, as a person reads it: the question key (`#/properties/a` → `a`), else the reference. */
function referred(scope: string): string {
  const tokens = scopeTokens(scope);
  return tokens && tokens.length >= 2 ? tokens.filter((_, i) => i % 2 === 1).join(' › ') : scope;
}
