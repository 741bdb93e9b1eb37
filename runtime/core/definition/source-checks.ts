import type { Node } from 'jsonc-parser';
import type { Problem } from '../problems/problem';
import { CappedProblems } from '../problems/cap';
import { pointerFromTokens } from '../model/pointers';
import { lineColumnAt, type PositionedText } from './locate';

/**
 * What only the source text shows, because `JSON.parse` has already decided it: a key written
 * twice (the last would silently win, so the file would not say what runs) and an integer literal
 * beyond 2^53 (already rounded to another number). One iterative walk of the parse tree, made only
 * when `value` (what JSON.parse made of the text) is not cleared by `sourceClear` first.
 */
export function checkSource(doc: PositionedText, value?: unknown): Problem[] {
  if (value !== undefined && sourceClear(doc.text, value)) return [];
  const problems = new CappedProblems();
  if (!doc.root) return [];
  const stack: Array<{ node: Node; tokens: Array<string | number> }> = [{ node: doc.root, tokens: [] }];
  while (stack.length) {
    const { node, tokens } = stack.pop()!;
    if (node.type === 'number') {
      const literal = doc.text.slice(node.offset, node.offset + node.length);
      if (isUnsafeIntegerLiteral(literal)) problems.add('number-unsafe-integer', () => unsafeInteger(doc, node, tokens, literal));
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, tokens: [...tokens, i] }));
    } else if (node.type === 'object') {
      const seen = new Map<string, Node>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        const first = seen.get(key);
        if (first) problems.add('key-duplicate', () => duplicate(doc, first, keyNode, [...tokens, key]));
        else seen.set(key, keyNode);
        if (valueNode) stack.push({ node: valueNode, tokens: [...tokens, key] });
      }
    }
  }
  return problems.list();
}

/** An integer written without fraction or exponent whose magnitude is above 2^53 - 1. */
export function isUnsafeIntegerLiteral(literal: string): boolean {
  const digits = literal.startsWith('-') ? literal.slice(1) : literal;
  if (!/^\d+$/.test(digits)) return false;
  const max = String(Number.MAX_SAFE_INTEGER);
  // JSON forbids leading zeros, so a longer run of digits is a larger number.
  return digits.length > max.length || (digits.length === max.length && digits > max);
}

function duplicate(doc: PositionedText, first: Node, second: Node, tokens: Array<string | number>): Problem {
  const firstLine = lineColumnAt(doc, first.offset).line;
  const at = lineColumnAt(doc, second.offset);
  const key = String(tokens[tokens.length - 1]);
  return {
    code: 'key-duplicate',
    severity: 'error',
    message: `The key ${JSON.stringify(key)} is written twice in one object, on line ${firstLine} and again on line ${at.line}; keep one.`,
    path: pointerFromTokens(tokens),
    source: 'load',
    ...at,
    params: { key, firstLine, line: at.line },
  };
}

function unsafeInteger(doc: PositionedText, node: Node, tokens: Array<string | number>, literal: string): Problem {
  const shown = literal.length > 40 ? `${literal.slice(0, 40)}…` : literal;
  return {
    code: 'number-unsafe-integer',
    severity: 'error',
    message: `The integer ${shown} is beyond 2^53 (${Number.MAX_SAFE_INTEGER}): it would be read as ${String(Number(literal))}. Write it as a string, or use a smaller number.`,
    path: pointerFromTokens(tokens),
    source: 'load',
    ...lineColumnAt(doc, node.offset),
    params: { literal: shown, limit: Number.MAX_SAFE_INTEGER },
  };
}

/**
 * True when `text` (valid JSON, which JSON.parse turned into `value`) certainly holds neither fault
 * checkSource looks for, read without a tree: no run of 16 digits anywhere (2^53 has 16; one in a
 * string sends the text to the tree too, which is only slower), and as many keys written as `value`
 * holds (a key written twice in one object is one key in the value, which JSON.stringify writes
 * once). Both are counted by the engine's own regular expressions and JSON.stringify: on a page's
 * first, unoptimised run a loop in JS over 55 KB cost 10 ms, these well under 1.
 * Anything else goes to the tree, which names each fault where it is.
 */
export function sourceClear(text: string, value: unknown): boolean {
  return !LONG_DIGITS.test(text) && keysWritten(text) === keysWritten(JSON.stringify(value));
}

const LONG_DIGITS = /\d{16}/;
/**
 * Every string, with the colon after it when it is a key. A match starts where the last one ended,
 * outside any string, so the next quote it meets opens a string and the match takes that whole
 * string: no match ever starts inside one (a pattern for keys alone can, at a value's closing quote).
 */
const STRING = /"(?:[^"\\]|\\.)*"(?:\s*:)?/g;

function keysWritten(text: string): number {
  let keys = 0;
  for (const s of text.match(STRING) ?? []) if (s.charCodeAt(s.length - 1) === 58) keys++;
  return keys;
}
