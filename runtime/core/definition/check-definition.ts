import { fail, ok, type Problem, type Result } from '../problems/problem';
import { allRules, lint } from '../lint/index';
import { renderRules } from '../lint/render-rules';
import { cached, checkDefinitionForRendering, checkDefinitionValue } from './check-value';
import type { Definition } from './envelope';

/** A host re-rendering with the same object pays once. */
const checked = new WeakMap<object, Result<Definition>>();

/**
 * The whole check of a definition object (the iframe and practitioner pages run it before
 * rendering; the embeds reach the same verdict stepwise, below): the loader's checks on a value
 * that never was text. Size first (bounded, so a huge value costs no more than one at the limit),
 * then the value limits (depth, forbidden keys…), so the envelope and lint only ever walk a value
 * that cannot overflow the stack; lint's errors refuse it, its warnings do not.
 */
export function checkDefinition(value: unknown): Result<Definition> {
  return cached(checked, value, (v) => {
    const base = checkDefinitionValue(v);
    if (!base.ok) return base;
    const problems = lint(base.value);
    const errors = problems.filter((p) => p.severity === 'error');
    return errors.length ? fail(errors) : ok(base.value, problems);
  });
}

/**
 * `checkDefinition`'s verdict reached a rule at a time, with `pause` awaited between rules, so the
 * embeds can finish it after their first paint without a long main-thread task. The rules
 * `checkDefinitionForRendering` ran before rendering are not run again. Shares `checkDefinition`'s cache:
 * a definition the iframe or practitioner page checked in full costs nothing here, and the next
 * full check of this object is free.
 */
export async function checkDefinitionStepwise(value: unknown, pause: () => Promise<void>): Promise<Result<Definition>> {
  if (value !== null && typeof value === 'object') {
    const known = checked.get(value);
    if (known) return known;
  }
  const rendered = checkDefinitionForRendering(value);
  if (!rendered.ok) return rendered;
  const problems: Problem[] = [];
  for (const rule of allRules) {
    if (renderRules.includes(rule)) continue;
    await pause();
    problems.push(...lint(rendered.value, {}, [rule]));
  }
  const errors = problems.filter((p) => p.severity === 'error');
  const result = errors.length ? fail(errors) : ok(rendered.value, problems);
  checked.set(value as object, result);
  if (result.ok) checked.set(result.value, result);
  return result;
}

