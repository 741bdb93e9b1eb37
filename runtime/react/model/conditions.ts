/**
 * Rules as the runtime needs them: what a rule's outcome means. Which answers rules read (so a
 * rule subscribes to those keys only) is core's form model's `ruleReads`; the conditions themselves
 * are evaluated by core's eval-free interpreter, so rules run under a CSP without 'unsafe-eval'.
 */
export { evaluateCondition } from '../../core/index';
export interface RuleCondition {
  type?: string;
  scope?: string;
  schema?: Record<string, unknown>;
  expectedValue?: unknown;
  failWhenUndefined?: boolean;
  conditions?: RuleCondition[];
}

export interface Rule {
  effect: 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';
  condition: RuleCondition;
}

/** Visible/enabled for an element carrying `rule`, given the condition's outcome. */
export function ruleOutcome(rule: Rule, holds: boolean): { visible: boolean; enabled: boolean } {
  switch (rule.effect) {
    case 'SHOW':
      return { visible: holds, enabled: true };
    case 'HIDE':
      return { visible: !holds, enabled: true };
    case 'ENABLE':
      return { visible: true, enabled: holds };
    case 'DISABLE':
      return { visible: true, enabled: !holds };
    default:
      return { visible: true, enabled: true };
  }
}

