import { LEVEL_NAME_MAX, LEVEL_NAME_PATTERN } from '../../definition/extension-values';
import type { Problem } from '../../problems/problem';
import { lintProblem, type LintRule } from '../rule';
import { isObject, own, walkSchema, type JsonObject } from '../../model/schema-walk';


/**
 * Known `x-` keywords with a value of the wrong shape, or written somewhere other than a
 * question's own property (where no part of the product would read them).
 */
export const extensionInvalid: LintRule = {
  codes: ['extension-invalid'],
  docs: 'x-sensitivity is the kebab-case name of a sensitivity level (which one: sensitivity-unknown); x-help is text; x-computed is one of the shapes of docs/definition-format.md (count, sum, score, band, count or sum over items); all sit on a question\'s own property. x-exclusive is true or false on an option of a multiple choice; x-score a number on an option of a choice; x-yes-no {yes, no} codes of a single choice.',
  check({ model }) {
    const problems: Problem[] = [];
    const questionPointers = new Set(model.all.map((q) => q.pointer));
    walkSchema(model.schema, '/schema', (node, pointer) => {
      for (const key of ['x-code', 'x-sensitivity', 'x-computed', 'x-help', 'x-yes-no']) {
        if (Object.hasOwn(node, key) && !questionPointers.has(pointer)) {
          problems.push(lintProblem('extension-invalid', `${pointer}/${key}`, `"${key}" belongs on a question's own property (a top-level property or a group item), not here.`, { keyword: key }));
        }
      }
      if (questionPointers.has(pointer)) problems.push(...checkValues(node, pointer));
      if (Object.hasOwn(node, 'x-exclusive')) problems.push(...checkExclusive(node, pointer));
      if (Object.hasOwn(node, 'x-score')) problems.push(...checkScore(node, pointer));
    });
    return problems;
  },
};

function checkValues(node: JsonObject, pointer: string): Problem[] {
  const problems: Problem[] = [];
  const sensitivity = own(node, 'x-sensitivity');
  if (sensitivity !== undefined && !(typeof sensitivity === 'string' && sensitivity.length <= LEVEL_NAME_MAX && LEVEL_NAME_PATTERN.test(sensitivity))) {
    problems.push(lintProblem('extension-invalid', `${pointer}/x-sensitivity`, 'The sensitivity must name a level in lower case words joined by hyphens, e.g. "sensitive" or "safe-address".', { value: sensitivity }));
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
  if (Object.hasOwn(node, 'x-yes-no')) problems.push(...checkYesNo(node, pointer));
  return problems;
}

/** `x-score` counts only on a choice's option (`oneOf`/`anyOf` entry with a `const`). */
function checkScore(node: JsonObject, pointer: string): Problem[] {
  const at = `${pointer}/x-score`;
  if (!/\/(oneOf|anyOf)\/\d+$/.test(pointer) || !Object.hasOwn(node, 'const')) {
    return [lintProblem('extension-invalid', at, '"x-score" belongs on an option ({ "const", "title" }) of a single or multiple choice.', { keyword: 'x-score' })];
  }
  const value = own(node, 'x-score');
  return typeof value === 'number' && Number.isFinite(value) ? [] : [lintProblem('extension-invalid', at, 'x-score must be a number.', { value })];
}

/** `x-yes-no` names two different codes of the single choice it is written on. */
function checkYesNo(node: JsonObject, pointer: string): Problem[] {
  const at = `${pointer}/x-yes-no`;
  const value = own(node, 'x-yes-no');
  const codes = (['oneOf', 'anyOf', 'enum'] as const).flatMap((k) => {
    const list = own(node, k);
    return Array.isArray(list) ? list.map((e) => (k === 'enum' ? e : own(e, 'const'))) : [];
  });
  if (!isObject(value) || Object.keys(value).some((k) => k !== 'yes' && k !== 'no')) {
    return [lintProblem('extension-invalid', at, 'x-yes-no must be { "yes": "<code>", "no": "<code>" }.', { keyword: 'x-yes-no' })];
  }
  const problems: Problem[] = [];
  for (const side of ['yes', 'no'] as const) {
    const code = own(value, side);
    if (typeof code !== 'string' || !codes.includes(code)) problems.push(lintProblem('extension-invalid', `${at}/${side}`, `x-yes-no "${side}" must be one of the question's option codes.`, { keyword: 'x-yes-no', side }));
  }
  if (!problems.length && own(value, 'yes') === own(value, 'no')) problems.push(lintProblem('extension-invalid', `${at}/no`, 'x-yes-no names one code for both yes and no.', { keyword: 'x-yes-no' }));
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
  if (op !== 'count' && op !== 'sum' && op !== 'score' && op !== 'band') return 'needs "op": "count", "sum", "score" or "band"';
  let allowed: string[];
  if (Object.hasOwn(value, 'items') && (op === 'count' || op === 'sum')) {
    // Over a repeatable group's items: how many match `where`, or the sum of one item question.
    if (typeof own(value, 'items') !== 'string') return 'needs "items": the key of a repeatable group';
    if (op === 'sum' && typeof own(value, 'field') !== 'string') return 'with "items" and "op": "sum" needs "field": the item question to add up';
    if (Object.hasOwn(value, 'where') && !isObject(own(value, 'where'))) return 'needs "where" to be a condition schema on the item';
    allowed = op === 'count' ? ['op', 'items', 'where'] : ['op', 'items', 'field'];
  } else if (op === 'band') {
    if (typeof own(value, 'of') !== 'string') return 'with "op": "band" needs "of": the key of the total';
    const bands = own(value, 'bands');
    if (!Array.isArray(bands) || bands.length === 0) return 'with "op": "band" needs "bands": a non-empty list of { code, title, min, max }';
    if (!bands.every((b) => isObject(b) && typeof own(b, 'code') === 'string' && typeof own(b, 'title') === 'string' && ['min', 'max'].every((k) => !Object.hasOwn(b, k) || Number.isInteger(own(b, k))) && Object.keys(b).every((k) => ['code', 'title', 'min', 'max'].includes(k)))) {
      return 'bands must each be { "code", "title", "min", "max" } with whole-number bounds';
    }
    allowed = ['op', 'of', 'bands'];
  } else {
    const of = own(value, 'of');
    if (!Array.isArray(of) || of.length === 0 || !of.every((k) => typeof k === 'string')) return 'needs "of": a non-empty list of question keys';
    if (op === 'count' && !Object.hasOwn(value, 'equals')) return 'with "op": "count" needs "equals": the value to count';
    allowed = op === 'count' ? ['op', 'of', 'equals'] : ['op', 'of'];
  }
  const extra = Object.keys(value).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `has an unknown key "${extra}"`;
}
