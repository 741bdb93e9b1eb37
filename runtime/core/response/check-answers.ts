import type { Problem } from '../problems/problem';
import { pointerFromTokens } from '../model/pointers';
import { checkValueLimits, limits } from '../safety/limits';
import { checkValueSize } from '../safety/size';

/** More items than this in one list of answers is no assessment anyone typed: refused, never rendered. */
export const MAX_ANSWER_ITEMS = 1000;

/**
 * Answers handed to a form from outside (a host's `answers`, a stored draft) before they are
 * rendered: a bounded size, the value limits, and no list longer than `MAX_ANSWER_ITEMS`, so a
 * hundred thousand group items are refused with a problem rather than laid out.
 */
export function checkGivenAnswers(value: unknown): Problem[] {
  if (value === null || typeof value !== 'object') return [];
  // Lists first: the walk refuses a long list before visiting a single item of it, so a hundred
  // thousand items cost as little as ten. Deep values are left to the value limits.
  const items = checkItems(value);
  if (items.length) return items;
  const size = checkValueSize(value, limits.responseBytes);
  if (size.length) return size;
  return checkValueLimits(value);
}

function checkItems(value: object): Problem[] {
  const stack: Array<{ node: unknown; tokens: Array<string | number> }> = [{ node: value, tokens: [] }];
  while (stack.length) {
    const { node, tokens } = stack.pop()!;
    if (node === null || typeof node !== 'object' || tokens.length > limits.depth) continue;
    if (Array.isArray(node)) {
      if (node.length > MAX_ANSWER_ITEMS) return [tooManyItems(tokens, node.length)];
      node.forEach((child, i) => stack.push({ node: child, tokens: [...tokens, i] }));
    } else for (const [key, child] of Object.entries(node)) stack.push({ node: child, tokens: [...tokens, key] });
  }
  return [];
}

function tooManyItems(tokens: Array<string | number>, count: number): Problem {
  return {
    code: 'too-many-items',
    severity: 'error',
    message: `A list of answers has ${count} items, more than the limit of ${MAX_ANSWER_ITEMS}.`,
    path: pointerFromTokens(tokens),
    source: 'safety',
    params: { limit: MAX_ANSWER_ITEMS, items: count },
  };
}
