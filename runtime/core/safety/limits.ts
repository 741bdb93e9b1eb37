import type { Problem } from '../problems/problem';
import { pointerFromTokens } from '../model/pointers';

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

/** Depth and prototype-polluting keys of a parsed value, iteratively (no recursion to overflow). */
export function checkValueLimits(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: Array<{ node: unknown; path: PathLink | undefined }> = [{ node: value, path: undefined }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const depth = path?.depth ?? 0;
    if (depth > limits.depth) {
      problems.push({ code: 'too-deep', severity: 'error', message: `Nested deeper than the limit of ${limits.depth} levels.`, path: pointerFromTokens(tokensOf(path)), source: 'safety' });
      continue;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) if (node[i] !== null && typeof node[i] === 'object') stack.push({ node: node[i], path: { parent: path, token: i, depth: depth + 1 } });
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({
          code: 'forbidden-key',
          severity: 'error',
          message: `The key "${key}" is not allowed: it could change how every object behaves.`,
          path: pointerFromTokens([...tokensOf(path), key]),
          source: 'safety',
        });
        continue;
      }
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push({ node: child, path: { parent: path, token: key, depth: depth + 1 } });
    }
  }
  return problems;
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
