import type { Problem } from '../problems/problem';
import { pointerFromTokens, schemaAtScope } from '../model/pointers';
import { annotationKeywords, isObject, supportedConditionKeywords } from './condition';

const EFFECTS = new Set(['SHOW', 'HIDE', 'ENABLE', 'DISABLE']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf']);
const SCHEMA_ONE = new Set(['not', 'contains']);

function invalid(path: string, message: string, params?: Record<string, unknown>): Problem {
  return { code: 'rule-invalid', severity: 'error', message, path, source: 'lint', ...(params ? { params } : {}) };
}

/**
 * Problems with one rule condition: a scope that names no property of `schema` (the item schema
 * for rules inside a repeatable group's detail), or a keyword the eval-free engine does not run.
 * `at` is the pointer of the condition in the definition file.
 */
export function checkCondition(condition: unknown, schema: unknown, options: { at?: string; rootSchema?: unknown } = {}): Problem[] {
  const at = options.at ?? '';
  const root = options.rootSchema ?? schema;
  const problems: Problem[] = [];
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: condition, path: at, depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (depth > 32) {
      problems.push(invalid(path, 'This show-when is nested too deeply.'));
      continue;
    }
    if (!isObject(node)) {
      problems.push(invalid(path, 'A show-when condition is not in a shape the builder can read.'));
      continue;
    }
    if (node.type === 'AND' || node.type === 'OR') {
      if (!Array.isArray(node.conditions)) problems.push(invalid(path, `An ${node.type} condition needs a list of "conditions".`));
      else node.conditions.forEach((c, i) => stack.push({ node: c, path: `${path}/conditions/${i}`, depth: depth + 1 }));
      continue;
    }
    if (node.type !== undefined && node.type !== 'LEAF') {
      problems.push(invalid(`${path}/type`, `A show-when condition of type ${JSON.stringify(node.type)} is not supported: test one question, or combine conditions with all (AND) or any (OR).`));
      continue;
    }
    if (typeof node.scope !== 'string' || !node.scope.startsWith('#')) {
      problems.push(invalid(`${path}/scope`, 'A show-when condition needs the question it asks about.'));
    } else if (node.scope !== '#' && schemaAtScope(schema, node.scope, root) === undefined) {
      problems.push(invalid(`${path}/scope`, `A show-when asks about ${JSON.stringify(node.scope)}, which is not a question of the form.`, { scope: node.scope }));
    }
    if (Object.prototype.hasOwnProperty.call(node, 'schema')) {
      problems.push(...checkConditionSchema(node.schema, `${path}/schema`));
      if (node.failWhenUndefined !== undefined && typeof node.failWhenUndefined !== 'boolean') {
        problems.push(invalid(`${path}/failWhenUndefined`, '"failWhenUndefined" must be true or false.'));
      }
    } else if (!Object.prototype.hasOwnProperty.call(node, 'expectedValue')) {
      problems.push(invalid(path, 'A rule condition needs a "schema" (or the legacy "expectedValue").'));
    }
  }
  return problems;
}

/** Keywords of a condition schema the interpreter cannot run. */
export function checkConditionSchema(schema: unknown, at = ''): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ node: unknown; path: string; depth: number }> = [{ node: schema, path: at, depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (typeof node === 'boolean') continue;
    if (!isObject(node) || depth > 32) {
      problems.push(invalid(path, 'A condition schema must be an object (or true / false).'));
      continue;
    }
    for (const keyword of Object.keys(node)) {
      const arg = node[keyword];
      const where = `${path}/${keyword.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (annotationKeywords.has(keyword)) continue;
      if (!supportedConditionKeywords.has(keyword)) {
        problems.push(invalid(where, `A show-when cannot test "${keyword}"; it can test ${[...supportedConditionKeywords].join(', ')}.`, { keyword }));
      } else if (SCHEMA_LISTS.has(keyword)) {
        if (!Array.isArray(arg)) problems.push(invalid(where, `"${keyword}" must be a list of schemas.`));
        else arg.forEach((s, i) => stack.push({ node: s, path: `${where}/${i}`, depth: depth + 1 }));
      } else if (SCHEMA_ONE.has(keyword)) {
        stack.push({ node: arg, path: where, depth: depth + 1 });
      } else if (keyword === 'properties') {
        if (!isObject(arg)) problems.push(invalid(where, '"properties" must be an object of schemas.'));
        else for (const key of Object.keys(arg)) stack.push({ node: arg[key], path: `${where}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, depth: depth + 1 });
      }
    }
  }
  return problems;
}

/**
 * Every rule of a definition's UI schema, each checked against the schema its scope is relative
 * to (the item schema inside a repeatable group's `options.detail`). Pointers are into the file.
 */
export function checkRules(definition: { schema: Record<string, unknown>; uischema: Record<string, unknown> }): Problem[] {
  const problems: Problem[] = [];
  const root = definition.schema;
  const stack: Array<{ element: unknown; path: Array<string | number>; schema: unknown; depth: number }> = [
    { element: definition.uischema, path: ['uischema'], schema: root, depth: 0 },
  ];
  while (stack.length) {
    const { element, path, schema, depth } = stack.pop()!;
    if (!isObject(element) || depth > 64) continue;
    if (Object.prototype.hasOwnProperty.call(element, 'rule')) {
      const rule = element.rule;
      const at = pointerFromTokens([...path, 'rule']);
      if (!isObject(rule)) problems.push(invalid(at, 'A rule must be an object with an effect and a condition.'));
      else {
        if (typeof rule.effect !== 'string' || !EFFECTS.has(rule.effect)) problems.push(invalid(`${at}/effect`, 'The rule effect must be SHOW, HIDE, ENABLE or DISABLE.'));
        problems.push(...checkCondition(rule.condition, schema, { at: `${at}/condition`, rootSchema: root }));
      }
    }
    if (Array.isArray(element.elements)) element.elements.forEach((child, i) => stack.push({ element: child, path: [...path, 'elements', i], schema, depth: depth + 1 }));
    const detail = isObject(element.options) ? element.options.detail : undefined;
    if (element.type === 'Control' && typeof element.scope === 'string' && isObject(detail)) {
      const arraySchema = schemaAtScope(schema, element.scope, root);
      const items = isObject(arraySchema) ? schemaAtScope(arraySchema, '#/items', root) : undefined;
      stack.push({ element: detail, path: [...path, 'options', 'detail'], schema: items ?? {}, depth: depth + 1 });
    }
  }
  return problems;
}
