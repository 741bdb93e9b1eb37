/**
 * Rules as the runtime needs them: which answers a condition reads (so a rule subscribes to those
 * keys only) and what its outcome means. The conditions themselves are evaluated by core's
 * eval-free interpreter, so rules run under a CSP without 'unsafe-eval'.
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

/** `#/properties/a/properties/b` → ['a', 'b']; `#` → []. Null for scopes we cannot follow. */
export function scopePath(scope: string): string[] | null {
  if (scope === '#') return [];
  if (!scope.startsWith('#/')) return null;
  const parts = scope.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const path: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    if (parts[i] !== 'properties' || parts[i + 1] === undefined) return null;
    path.push(parts[i + 1]!);
  }
  return path;
}

/** The top-level answer keys a condition reads; null means "all of them" (scope `#`). */
export function conditionKeys(condition: RuleCondition | undefined): string[] | null {
  const keys = new Set<string>();
  let all = false;
  const walk = (c: RuleCondition | undefined) => {
    if (!c) return;
    if (Array.isArray(c.conditions)) c.conditions.forEach(walk);
    if (typeof c.scope === 'string') {
      const path = scopePath(c.scope);
      if (!path || path.length === 0) all = true;
      else keys.add(path[0]!);
    }
  };
  walk(condition);
  return all ? null : [...keys];
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

