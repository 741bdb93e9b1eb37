import type { Problem } from '../problems/problem';

/**
 * The JSON size of a value a host hands over as an object (no text to measure), estimated by a
 * bounded, iterative walk: strings and keys by their length, other nodes by a few bytes. It stops
 * as soon as the estimate passes `maxBytes`, so a value of tens of megabytes costs no more than one
 * at the limit, and it never calls `JSON.stringify` (a getter or a cycle could run or hang in it)
 * nor recurses (a deep value cannot overflow the stack).
 */
export function valueSizeOver(value: unknown, maxBytes: number): boolean {
  let size = 0;
  const stack: unknown[] = [value];
  // A cycle or a shared node is counted again each time it is met: the bound ends the walk anyway.
  while (stack.length) {
    const node = stack.pop();
    if (typeof node === 'string') size += node.length + 2;
    else if (node === null || typeof node !== 'object') size += 8;
    else if (Array.isArray(node)) {
      size += 2 + node.length;
      if (size > maxBytes) return true;
      for (let i = 0; i < node.length; i++) stack.push(node[i]);
    } else {
      const keys = Object.keys(node);
      size += 2;
      for (const key of keys) {
        size += key.length + 4;
        if (size > maxBytes) return true;
        stack.push((node as Record<string, unknown>)[key]);
      }
    }
    if (size > maxBytes) return true;
  }
  return false;
}

/** `too-large` for a value over the limit, at the whole value. */
export function checkValueSize(value: unknown, maxBytes: number): Problem[] {
  return valueSizeOver(value, maxBytes) ? [tooLarge(maxBytes)] : [];
}

/** The problem of a value (or a body read no further) over `maxBytes`. */
export function tooLarge(maxBytes: number): Problem {
  return {
    code: 'too-large',
    severity: 'error',
    message: `The value is larger than the limit of ${Math.round(maxBytes / 1024)} KiB.`,
    path: '',
    source: 'safety',
    params: { limit: maxBytes },
  };
}
