import { LEVEL_NAME_MAX, LEVEL_NAME_PATTERN } from '../../definition/extension-values';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own, walkSchema, type JsonObject } from '../../model/schema-walk';

const computedOps = new Set(['count', 'sum']);

/**
 * Known `x-` keywords with a value of the wrong shape, or written somewhere other than a
 * question's own property (where no part of the product would read them).
 */
export const extensionInvalid: LintRule = {
  codes: ['extension-invalid'],
  docs: 'x-sensitivity is the kebab-case name of a sensitivity level (which one: sensitivity-unknown); x-help is text; x-computed is {op:"count",of,equals} or {op:"sum",of}; all sit on a question\'s own property. x-exclusive is true or false on an option of a multiple choice.',
  check({ model }) {
    const problems: Problem[] = [];
    const questionPointers = new Set(model.all.map((q) => q.pointer));
    walkSchema(model.schema, '/schema', (node, pointer) => {
      for (const key of ['x-code', 'x-sensitivity', 'x-computed', 'x-help']) {
        if (Object.hasOwn(node, key) && !questionPointers.has(pointer)) {
          problems.push(lintProblem('extension-invalid', `${pointer}/${key}`, `"${key}" belongs on a question's own property (a top-level property or a group item), not here.`, { keyword: key }));
        }
      }
      if (questionPointers.has(pointer)) problems.push(...checkValues(node, pointer));
      if (Object.hasOwn(node, 'x-exclusive')) problems.push(...checkExclusive(node, pointer));
    });
    return problems;
  },
};

function checkValues(node: JsonObject, pointer: string): Problem[] {
  const problems: Problem[] = [];
  const sensitivity = own(node, 'x-sensitivity');
  if (sensitivity !== undefined && !(typeof sensitivity === 'string' && sensitivity.length <= LEVEL_NAME_MAX && LEVEL_NAME_PATTERN.test(sensitivity))) {
    problems.push(lintProblem('extension-invalid', `${pointer}/x-sensitivity`, 'x-sensitivity must name a sensitivity level in kebab-case, e.g. "sensitive" or "safe-address".', { value: sensitivity }));
  }
  const help = own(node, 'x-help');
  if (help !== undefined && (typeof help !== 'string' || help.trim() === '')) {
    problems.push(lintProblem('extension-invalid', `${pointer}/x-help`, 'x-help must be non-empty plain text.'));
  }
  const computed = own(node, 'x-computed');
  if (computed !== undefined) {
    const why = computedShapeError(computed);
    if (why) problems.push(lintProblem('extension-invalid', `${pointer}/x-computed`, `x-computed ${why}.`));
  }
  return problems;
}

/** `x-exclusive` ("None of these" clears the other ticks) means something only on a checkbox option. */
function checkExclusive(node: JsonObject, pointer: string): Problem[] {
  const at = `${pointer}/x-exclusive`;
  if (!/\/items\/(oneOf|anyOf)\/\d+$/.test(pointer) || !Object.hasOwn(node, 'const')) {
    return [lintProblem('extension-invalid', at, '"x-exclusive" belongs on an option ({ "const", "title" }) of a multiple-choice question.', { keyword: 'x-exclusive' })];
  }
  const value = own(node, 'x-exclusive');
  return typeof value === 'boolean' ? [] : [lintProblem('extension-invalid', at, 'x-exclusive must be true or false.', { value })];
}

function computedShapeError(value: unknown): string | undefined {
  if (!isObject(value)) return 'must be an object';
  const op = own(value, 'op');
  if (typeof op !== 'string' || !computedOps.has(op)) return 'needs "op": "count" or "sum"';
  const of = own(value, 'of');
  if (!Array.isArray(of) || of.length === 0 || !of.every((k) => typeof k === 'string')) return 'needs "of": a non-empty list of question keys';
  if (op === 'count' && !Object.hasOwn(value, 'equals')) return 'with "op": "count" needs "equals": the value to count';
  const allowed = op === 'count' ? ['op', 'of', 'equals'] : ['op', 'of'];
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `has an unknown key "${extra}"`;
}
