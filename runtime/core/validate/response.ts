import type { Problem } from '../problems/problem';
import { pointerFromTokens } from '../problems/pointer';
import { checkValueLimits, limits } from '../safety/limits';
import { computeValues } from '../rules/computed';
import { deepEqual, isObject } from '../rules/condition';
import { hiddenAnswerPointers, isHiddenPointer } from '../rules/visibility';
import { runValidator, tryCompileValidator, type CompiledValidator } from './compile';
import { answerTooLongMessage, computedMessage, unknownMessage } from './messages';
import { problemsFromAjv } from './problems';
import { questionAt } from './questions';

interface ValidatableDefinition {
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
}

/**
 * Validate one response's answers against a definition: per-answer problems with messages for
 * practitioners, `path` the pointer of the answer itself. Limits and prototype-polluting keys are
 * checked before AJV; a question hidden by a rule is not required; a stored computed value must
 * equal what the answers give. Pass `validator` to use an ahead-of-time compiled module (no eval).
 * @public
 */
export function validateResponse(definition: ValidatableDefinition, answers: unknown, options: { validator?: CompiledValidator } = {}): Problem[] {
  if (!isObject(answers)) {
    return [{ code: 'answer-invalid', severity: 'error', message: 'The answers must be a JSON object of answers by question.', path: '', source: 'validate' }];
  }
  const refused = checkValueLimits(answers);
  if (refused.length) return refused.map((p) => ({ ...p, source: 'validate' as const }));
  const tooLong = checkAnswerLengths(definition, answers);
  if (tooLong.length) return tooLong;

  let validator = options.validator;
  if (!validator) {
    const compiled = tryCompileValidator(definition);
    if (!compiled.ok) return compiled.problems;
    validator = compiled.value;
  }
  const run = runValidator(validator, answers);
  if (!run.ok) return [run.problem];
  const valid = run.valid;
  const hidden = hiddenAnswerPointers(definition, answers);
  const problems = valid ? [] : problemsFromAjv(validator.errors, definition).filter((p) => !(p.code === 'answer-required' && isHiddenPointer(hidden, p.path)));
  const reported = new Set(problems.map((p) => p.path));

  const properties = isObject(definition.schema.properties) ? definition.schema.properties : {};
  for (const key of Object.keys(answers)) {
    const path = pointerFromTokens([key]);
    if (!Object.prototype.hasOwnProperty.call(properties, key) && !reported.has(path)) {
      problems.push({ code: 'answer-unknown', severity: 'error', message: unknownMessage(key), path, source: 'validate', params: { key } });
    }
  }
  for (const p of computedProblems(definition, answers)) if (!reported.has(p.path)) problems.push(p);
  return problems;
}

/**
 * Stored computed values that differ from what the answers give: top-level ones from the answers,
 * and those inside a repeatable group's items from the item's own answers.
 */
export function computedProblems(definition: { schema: Record<string, unknown> }, answers: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const check = (values: Record<string, unknown>, stored: Record<string, unknown>, tokens: string[]) => {
    for (const key of Object.keys(values)) {
      if (!Object.prototype.hasOwnProperty.call(stored, key) || deepEqual(stored[key], values[key])) continue;
      const path = [...tokens, key];
      const q = questionAt(definition.schema, path);
      if (!q) continue;
      problems.push({ code: 'answer-computed', severity: 'error', message: computedMessage(q, values[key]), path: pointerFromTokens(path), source: 'validate', params: { expected: values[key], actual: stored[key] } });
    }
  };
  check(computeValues(definition, answers), answers, []);
  const properties = isObject(definition.schema.properties) ? definition.schema.properties : {};
  for (const group of Object.keys(properties)) {
    const items = isObject(properties[group]) ? (properties[group] as Record<string, unknown>).items : undefined;
    const list = Object.prototype.hasOwnProperty.call(answers, group) ? answers[group] : undefined;
    if (!isObject(items) || !Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (isObject(item)) check(computeValues({ schema: items }, item), item, [group, String(i)]);
    });
  }
  return problems;
}

/** Text answers over the documented limit are refused before AJV or a pattern reads them. */
export function checkAnswerLengths(definition: { schema: Record<string, unknown> }, answers: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ node: unknown; path: string[] }> = [{ node: answers, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'string') {
      if (node.length > limits.answerChars) {
        problems.push({
          code: 'answer-too-long',
          severity: 'error',
          message: answerTooLongMessage(questionAt(definition.schema, path), limits.answerChars),
          path: pointerFromTokens(path),
          source: 'validate',
          params: { limit: limits.answerChars, length: node.length },
        });
      }
    } else if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, path: [...path, String(i)] }));
    else if (isObject(node)) for (const key of Object.keys(node)) stack.push({ node: node[key], path: [...path, key] });
  }
  return problems;
}
