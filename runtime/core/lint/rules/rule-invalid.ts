import { escapePointerToken } from '../../problems/pointer';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own } from '../schema-walk';

/** docs/definition-format.md "Rules": what the eval-free interpreter evaluates in a condition schema. */
const supported = new Set([
  'const', 'enum', 'not', 'contains', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'minLength', 'type', 'properties', 'required', 'allOf', 'anyOf',
]);
/** Keywords that only annotate, so cannot change what a condition decides. */
const annotations = new Set(['title', 'description', '$comment', 'default', 'examples']);
const conditionKeys = new Set(['type', 'scope', 'schema', 'failWhenUndefined', 'expectedValue']);

/**
 * A condition the runtime's interpreter cannot evaluate would fail closed (hide or disable for
 * ever), so it is an error here, pointing at the keyword to change.
 */
export const ruleInvalid: LintRule = {
  codes: ['rule-invalid'],
  docs: 'UI rule conditions use only scope + schema (or AND/OR of them), and condition schemas only the keywords the rule interpreter supports.',
  check({ model }) {
    const problems: Problem[] = [];
    for (const { node, pointer } of model.elements) {
      const rule = own(node, 'rule');
      if (isObject(rule) && Object.hasOwn(rule, 'condition')) checkCondition(rule.condition, `${pointer}/rule/condition`, problems, 0);
    }
    return problems;
  },
};

function checkCondition(condition: unknown, at: string, problems: Problem[], depth: number): void {
  if (depth > 32 || !isObject(condition)) {
    problems.push(lintProblem('rule-invalid', at, 'A condition must be an object: { "scope", "schema" } or { "type": "AND"|"OR", "conditions": [...] }.'));
    return;
  }
  const type = own(condition, 'type');
  if (type === 'AND' || type === 'OR') {
    const conditions = own(condition, 'conditions');
    if (!Array.isArray(conditions) || conditions.length === 0) {
      problems.push(lintProblem('rule-invalid', `${at}/conditions`, `An ${type} condition needs a non-empty "conditions" list.`));
      return;
    }
    conditions.forEach((c, i) => checkCondition(c, `${at}/conditions/${i}`, problems, depth + 1));
    return;
  }
  if (type !== undefined && type !== 'LEAF') {
    problems.push(lintProblem('rule-invalid', `${at}/type`, `Unknown condition type ${JSON.stringify(type)}; use AND, OR, or a scope with a schema.`));
    return;
  }
  for (const key of Object.keys(condition)) {
    if (!conditionKeys.has(key)) problems.push(lintProblem('rule-invalid', `${at}/${escapePointerToken(key)}`, `Unknown condition key "${key}".`));
  }
  if (typeof own(condition, 'scope') !== 'string') problems.push(lintProblem('rule-invalid', at, 'A condition needs a "scope" such as "#/properties/safeToTalk".'));
  const failWhenUndefined = own(condition, 'failWhenUndefined');
  if (failWhenUndefined !== undefined && typeof failWhenUndefined !== 'boolean') {
    problems.push(lintProblem('rule-invalid', `${at}/failWhenUndefined`, '"failWhenUndefined" must be true or false.'));
  }
  if (Object.hasOwn(condition, 'schema')) checkConditionSchema(condition.schema, `${at}/schema`, problems, 0);
  else if (!Object.hasOwn(condition, 'expectedValue')) problems.push(lintProblem('rule-invalid', at, 'A condition needs a "schema" to test the answer against.'));
}

function checkConditionSchema(schema: unknown, at: string, problems: Problem[], depth: number): void {
  if (typeof schema === 'boolean') return;
  if (depth > 32 || !isObject(schema)) {
    problems.push(lintProblem('rule-invalid', at, 'A condition schema must be an object (or true/false).'));
    return;
  }
  for (const key of Object.keys(schema)) {
    const value = schema[key];
    const here = `${at}/${escapePointerToken(key)}`;
    if (annotations.has(key)) continue;
    if (!supported.has(key)) {
      problems.push(lintProblem('rule-invalid', here, `"${key}" cannot be evaluated by the rule interpreter; use ${[...supported].join(', ')}.`, { keyword: key }));
    } else if (key === 'not' || key === 'contains') checkConditionSchema(value, here, problems, depth + 1);
    else if (key === 'allOf' || key === 'anyOf') {
      if (Array.isArray(value)) value.forEach((s, i) => checkConditionSchema(s, `${here}/${i}`, problems, depth + 1));
      else problems.push(lintProblem('rule-invalid', here, `"${key}" must be a list of schemas.`));
    } else if (key === 'properties') {
      if (isObject(value)) for (const name of Object.keys(value)) checkConditionSchema(value[name], `${here}/${escapePointerToken(name)}`, problems, depth + 1);
      else problems.push(lintProblem('rule-invalid', here, '"properties" must be an object of schemas.'));
    }
  }
}
