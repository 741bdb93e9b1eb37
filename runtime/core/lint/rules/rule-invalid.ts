import { checkCondition } from '../../rules/index';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { atPointer, isObject, own } from '../../model/schema-walk';

/** A condition's own scope (possibly inside AND/OR): scope-unresolved reports every string scope that names nothing. */
const CONDITION_SCOPE = /^(?:\/conditions\/\d+)*\/scope$/;

/**
 * A condition the runtime's eval-free interpreter cannot evaluate would fail closed (hide or
 * disable for ever). The interpreter's own checker (runtime/core/rules) decides, so lint and the
 * runtime cannot disagree about what is supported.
 */
export const ruleInvalid: LintRule = {
  codes: ['rule-invalid'],
  docs: 'UI rule conditions use only scope + schema (or AND/OR of them), and condition schemas only the keywords the rule interpreter supports.',
  check({ model }) {
    const problems: Problem[] = [];
    const { elements } = model.ui;
    // Indexed: a render rule, run on every element before the first render, while the code is cold.
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i]!;
      const rule = own(element.node, 'rule');
      if (!isObject(rule) || !Object.hasOwn(rule, 'condition')) continue;
      const at = `${element.pointer}/rule/condition`;
      const scopeSchema = element.detailOf?.itemSchema?.schema ?? model.schema;
      for (const p of checkCondition(rule.condition, scopeSchema, { at, rootSchema: model.schema })) {
        const relative = p.path.slice(at.length);
        if (p.path.startsWith(at) && CONDITION_SCOPE.test(relative) && typeof atPointer(rule.condition, relative) === 'string') continue;
        problems.push(lintProblem('rule-invalid', p.path, p.message, p.params));
      }
    }
    return problems;
  },
};
