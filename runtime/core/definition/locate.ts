import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { tokensFromPointer } from '../problems/pointer';

/** A JSON text parsed once with positions, so problems found by pointer can name a line and column. */
export interface PositionedText {
  text: string;
  root: Node | undefined;
  lineStarts: number[];
}

export function positioned(text: string): PositionedText {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  return { text, root: parseTree(text, [], { allowTrailingComma: false, disallowComments: true }), lineStarts };
}

/** 1-based line and column of an offset. */
export function lineColumnAt(doc: PositionedText, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - doc.lineStarts[lo]! + 1 };
}

/**
 * Range of the node a pointer names; when the node does not exist (a missing property), the
 * deepest existing ancestor, so a problem always lands somewhere sensible.
 */
export function rangeOfPointer(doc: PositionedText, pointer: string): { offset: number; length: number; line: number; column: number } {
  const tokens = tokensFromPointer(pointer);
  let node: Node | undefined;
  for (let n = tokens.length; n >= 0 && !node; n--) {
    const path = tokens.slice(0, n).map((t, i) => (isArrayAt(doc.root, tokens.slice(0, i)) ? Number(t) : t));
    node = doc.root ? (n === 0 ? doc.root : findNodeAtLocation(doc.root, path)) : undefined;
  }
  // Point at the property key when there is one: that is where a reader looks.
  const target = node?.parent?.type === 'property' ? node.parent : node;
  const offset = target?.offset ?? 0;
  return { offset, length: target?.length ?? 0, ...lineColumnAt(doc, offset) };
}

function isArrayAt(root: Node | undefined, path: string[]): boolean {
  if (!root) return false;
  const node = path.length === 0 ? root : findNodeAtLocation(root, path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  return node?.type === 'array';
}
