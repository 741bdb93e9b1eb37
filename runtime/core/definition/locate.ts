import { parseTree, type Node } from 'jsonc-parser';
import { tokensFromPointer } from '../model/pointers';

/** A JSON text parsed once with positions, so problems found by pointer can name a line and column. */
export interface PositionedText {
  readonly text: string;
  readonly root: Node | undefined;
  readonly lineStarts: number[];
}

/**
 * The tree and the line table are made when first read: most texts load without a problem to
 * place, and jsonc-parser's tree of a 55 KB definition cost a practitioner's page about 50 ms
 * before its first render (JSON.parse, which decides the value, takes about 1).
 */
export function positioned(text: string): PositionedText {
  let root: Node | undefined | null = null;
  let lineStarts: number[] | undefined;
  return {
    text,
    get root() {
      if (root === null) root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
      return root;
    },
    get lineStarts() {
      if (!lineStarts) {
        lineStarts = [0];
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
      }
      return lineStarts;
    },
  };
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
 * deepest existing ancestor, so a problem always lands somewhere sensible. Walks the tree
 * directly: with duplicate keys the last one wins, as in JSON.parse, whose value was checked.
 */
export function rangeOfPointer(doc: PositionedText, pointer: string): { offset: number; length: number; line: number; column: number } {
  let node = doc.root;
  for (const token of tokensFromPointer(pointer)) {
    const child = node ? childAt(node, token) : undefined;
    if (!child) break;
    node = child;
  }
  // Point at the property key when there is one: that is where a reader looks.
  const target = node?.parent?.type === 'property' ? node.parent : node;
  const offset = target?.offset ?? 0;
  return { offset, length: target?.length ?? 0, ...lineColumnAt(doc, offset) };
}

function childAt(node: Node, token: string): Node | undefined {
  if (node.type === 'array') {
    if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
    return node.children?.[Number(token)];
  }
  if (node.type !== 'object') return undefined;
  const properties = node.children ?? [];
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (property.children?.[0]?.value === token) return property.children[1];
  }
  return undefined;
}
