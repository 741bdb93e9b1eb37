import type { Node } from 'jsonc-parser';
import type { Problem } from '../problems/problem';
import { CappedProblems } from '../problems/cap';
import { pointerFromTokens } from '../model/pointers';
import { lineColumnAt, type PositionedText } from './locate';

/**
 * What only the source text shows, because `JSON.parse` has already decided it: a key written
 * twice (the last would silently win, so the file would not say what runs) and an integer literal
 * beyond 2^53 (already rounded to another number). One iterative walk of the parse tree.
 */
export function checkSource(doc: PositionedText): Problem[] {
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
