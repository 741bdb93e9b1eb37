import type { Problem } from '../problems/problem';
import { CappedProblems } from '../problems/cap';
import { pointerFromTokens } from '../model/pointers';
import { tooLarge } from './size';

/**
 * Documented limits (docs/definition-format.md, SECURITY.md). Checked before any parser or AJV sees
 * the input, so hostile input is refused quickly and never reaches their failure points.
 */
export const limits = {
  definitionBytes: 1024 * 1024,
  responseBytes: 5 * 1024 * 1024,
  depth: 64,
  questions: 5000,
  optionsPerQuestion: 500,
  labelChars: 2000,
  answerChars: 100_000,
  /** Subschemas in one definition's schema: AJV's compile time grows with them (a few seconds at this size). */
  schemaNodes: 20_000,
} as const;

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Size and bracket depth from the raw text, in one linear pass, before parsing. */
export function checkTextLimits(text: string, maxBytes: number = limits.definitionBytes): Problem[] {
  // UTF-16 length is a lower bound on UTF-8 bytes; 3× is the upper bound, so only count when close.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text) > maxBytes)) {
    return [
      {
        code: 'too-large',
        severity: 'error',
        message: `The input is larger than the limit of ${Math.round(maxBytes / 1024)} KiB.`,
        path: '',
        source: 'safety',
        line: 1,
        column: 1,
        params: { limit: maxBytes },
      },
    ];
  }
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limits.depth) {
        return [
          {
            code: 'too-deep',
            severity: 'error',
            message: `The input is nested deeper than the limit of ${limits.depth} levels.`,
            path: '',
            source: 'safety',
            line,
            column: i - lineStart + 1,
            params: { limit: limits.depth },
          },
        ];
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return [];
}

/** A path kept as a chain of links, so walking a large value copies nothing until a problem is found. */
interface PathLink {
  parent: PathLink | undefined;
  token: string | number;
  depth: number;
}

function tokensOf(link: PathLink | undefined): Array<string | number> {
  const tokens: Array<string | number> = [];
  for (let l = link; l; l = l.parent) tokens.push(l.token);
  return tokens.reverse();
}

/**
 * Depth, prototype-polluting keys, and every value canonical JSON and hashing cannot represent
 * (lone surrogates in keys and strings, non-finite numbers, values JSON has no form for), of a
 * parsed value or one a host passes as an object. Iterative (no recursion to overflow), linear.
 * A value JSON.stringify can vouch for is cleared without the walk (below); the walk names faults.
 */
export function checkValueLimits(value: unknown, maxBytes = Infinity): Problem[] {
  return clearedByJson(value, maxBytes) ? [] : walkValueLimits(value, maxBytes);
}

/*
 * The engine's JSON.stringify visits a whole definition several times faster than a walk in JS
 * (about 5 ms against 14 at 1000 questions, on a page's first, unoptimised run), and what it writes
 * shows every fault the walk looks for, or makes it throw. It can only clear a value: anything it
 * cannot vouch for goes to the walk, which names each fault at its pointer. Its replacer keeps the
 * depth and a size estimate and stops it (by throwing) past either limit, so a huge or deeply
 * nested value costs no more than one at the limit before the walk takes over.
 */
const JSON_SUSPECTS = new RegExp(
  [
    String.raw`\\ud[89a-f]`, // a surrogate written as an escape, as JSON.stringify writes a lone one (or a literal "\ud8…")
    String.raw`[:\[,]null[,\]}]`, // a non-finite number, an array's hole, a function in an array, or a plain null (or such text)
    String.raw`"(?:__proto__|constructor|prototype)":`, // a forbidden key (or a key ending so)
  ].join('|'),
);

/** Thrown by the replacer to stop JSON.stringify: the walk decides. */
const STOP = new Error('value limits: left to the walk');

/** True when `value` certainly passes the walk below; false when it may not (the walk then decides). Exported for its tests. */
export function clearedByJson(value: unknown, maxBytes: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  // The containers from the top to the one being written (JSON.stringify goes depth first): each
  // value's holder is on it, so everything above the holder has been written and is popped.
  const open: unknown[] = [];
  let size = 0;
  let text: string;
  try {
    text = JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
      // The replacer sees each value after its toJSON: a value toJSON replaced, a function or a
      // symbol (which JSON.stringify would leave out) is not JSON as it stands.
      if (typeof v === 'function' || typeof v === 'symbol' || this[key] !== v) throw STOP;
      while (open.length && open[open.length - 1] !== this) open.pop();
      if (open.length === 0) open.push(this);
      // The walk's size estimate, counted the same way (a little more: the top-level value's own key).
      size += Array.isArray(this) ? 1 : key.length + 4;
      size += typeof v === 'string' ? v.length + 2 : v !== null && typeof v === 'object' ? 2 : 8;
      if (size > maxBytes) throw STOP;
      if (v !== null && typeof v === 'object') {
        // `open` holds the holder's chain from JSON.stringify's own wrapper: the top-level value is at depth 0.
        if (open.length - 1 > limits.depth) throw STOP;
        open.push(v);
      }
      return v;
    });
  } catch {
    return false; // stopped above, a cycle, a BigInt, a getter that throws
  }
  return !JSON_SUSPECTS.test(text);
}

/** The walk behind checkValueLimits; exported for the test that holds the JSON screen to it. */
export function walkValueLimits(value: unknown, maxBytes = Infinity): Problem[] {
  const problems = new CappedProblems();
  checkLeaf(value, undefined, undefined, problems);
  // With `maxBytes`, the JSON size is estimated on the way (as `valueSizeOver` does) and the walk
  // stops once it passes: a cycle or a value of tens of megabytes costs no more than one at the limit.
  let size = leafSize(value);
  // One stack of (node, path) pairs; a path link only for an object descended into, a leaf's only when it is at fault.
  const stack: unknown[] = [];
  if (value !== null && typeof value === 'object') stack.push(value, undefined);
  while (stack.length) {
    const path = stack.pop() as PathLink | undefined;
    const node = stack.pop() as object;
    const depth = path === undefined ? 0 : path.depth;
    if (depth > limits.depth) {
      problems.add('too-deep', () => ({ code: 'too-deep', severity: 'error', message: `Nested deeper than the limit of ${limits.depth} levels.`, path: pointerFromTokens(tokensOf(path)), source: 'safety' }));
      continue;
    }
    // An array's items and an object's own keys go through the same loop (an array's size is
    // counted up front: its commas).
    const keys = Array.isArray(node) ? undefined : Object.keys(node);
    const count = keys ? keys.length : (node as unknown[]).length;
    size += keys ? 2 : 2 + count;
    if (size > maxBytes) return [tooLarge(maxBytes)];
    for (let i = 0; i < count; i++) {
      let token: string | number = i;
      if (keys) {
        const key = (token = keys[i]!);
        size += key.length + 4;
        if (size > maxBytes) return [tooLarge(maxBytes)];
        if (FORBIDDEN_KEYS.has(key)) {
          problems.add('forbidden-key', () => ({
            code: 'forbidden-key',
            severity: 'error',
            message: `The key "${key}" is not allowed: it could change how every object behaves.`,
            path: pointerFromTokens([...tokensOf(path), key]),
            source: 'safety',
          }));
          continue;
        }
        const lone = loneSurrogateAt(key);
        if (lone !== -1) problems.add('string-lone-surrogate', () => loneSurrogate(key, lone, { parent: path, token: key, depth: depth + 1 }, 'key'));
      }
      const child: unknown = (node as Record<string | number, unknown>)[token];
      if (typeof child === 'string') {
        size += child.length + 2;
        if (loneSurrogateAt(child) === -1) continue;
      } else if (child !== null && typeof child === 'object') {
        stack.push(child, { parent: path, token, depth: depth + 1 });
        continue;
      } else size += 8;
      checkLeaf(child, path, token, problems);
    }
  }
  return size > maxBytes ? [tooLarge(maxBytes)] : problems.list();
}

/** A leaf's share of the size estimate (an object's own share is counted when it is walked). */
function leafSize(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  return value !== null && typeof value === 'object' ? 0 : 8;
}

/** The path of a leaf: its parent's link and its own token (none for the value itself). */
function leafPath(parent: PathLink | undefined, token: string | number | undefined): PathLink | undefined {
  return token === undefined ? parent : { parent, token, depth: (parent?.depth ?? 0) + 1 };
}

/** A string, number or other non-object value: can canonical JSON write it as it is? */
function checkLeaf(value: unknown, parent: PathLink | undefined, token: string | number | undefined, problems: CappedProblems): void {
  if (typeof value === 'string') {
    const lone = loneSurrogateAt(value);
    if (lone !== -1) problems.add('string-lone-surrogate', () => loneSurrogate(value, lone, leafPath(parent, token), 'text'));
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      problems.add('number-not-finite', () => ({
        code: 'number-not-finite',
        severity: 'error',
        message: `The number is ${String(value)}: JSON and the content hash have no form for it (a literal such as 1e400 is too large for a double).`,
        path: pointerFromTokens(tokensOf(leafPath(parent, token))),
        source: 'safety',
        params: { value: String(value) },
      }));
    }
  } else if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') {
    problems.add('value-not-json', () => ({ code: 'value-not-json', severity: 'error', message: `A ${typeof value} is not a JSON value.`, path: pointerFromTokens(tokensOf(leafPath(parent, token))), source: 'safety', params: { type: typeof value } }));
  }
}

/** Index of the first UTF-16 surrogate without its pair, or -1: such a string has no UTF-8 form, so it cannot be hashed or written. */
export function loneSurrogateAt(text: string): number {
  // The engine's own check (ES2024) answers the common case, a well-formed string, without a loop in JS.
  if ((text as { isWellFormed?: () => boolean }).isWellFormed?.() === true) return -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

function loneSurrogate(text: string, index: number, path: PathLink | undefined, where: 'key' | 'text'): Problem {
  const unit = text.charCodeAt(index).toString(16);
  return {
    code: 'string-lone-surrogate',
    severity: 'error',
    // The message names the code unit as an escape, never the unit itself: it has no printable form.
    message: `The ${where === 'key' ? 'key' : 'text'} has a lone surrogate (\\u${unit} at character ${index + 1}), half of a character that cannot be saved or hashed; remove it or write the whole character.`,
    path: pointerFromTokens(tokensOf(path)),
    source: 'safety',
    params: { index, codeUnit: unit, in: where },
  };
}

function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
