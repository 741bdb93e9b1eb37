import type { Node } from 'jsonc-parser';
import { lineColumnAt, type PositionedText } from '../definition/locate';
import { escapePointerToken, pointerFromTokens, tokensFromPointer } from '../model/pointers';
import type { Problem } from '../problems/problem';

/**
 * Line and column for many problems at once, placed as `withPositions` places them (the key of a
 * property, or the deepest existing ancestor). One walk indexes every node by pointer, so n
 * problems in a file of m nodes cost O(n + m); looking each up from the root costs O(n·m), which a
 * hostile file with thousands of problems in one large object turns into minutes.
 */
export function positionProblems(problems: Problem[], doc: PositionedText): Problem[] {
  if (!doc.root || problems.every((p) => p.line !== undefined)) return problems;
  const index = new Map<string, Node>();
  const stack: Array<{ node: Node; pointer: string }> = [{ node: doc.root, pointer: '' }];
  while (stack.length) {
    const { node, pointer } = stack.pop()!;
    index.set(pointer, node);
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value && typeof key.value === 'string') stack.push({ node: value, pointer: `${pointer}/${escapePointerToken(key.value)}` });
      }
    } else if (node.type === 'array') {
      (node.children ?? []).forEach((child, i) => stack.push({ node: child, pointer: `${pointer}/${i}` }));
    }
  }
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    let tokens: string[];
    try {
      tokens = tokensFromPointer(p.path);
    } catch {
      tokens = [];
    }
    for (let n = tokens.length; n >= 0; n--) {
      const node = index.get(pointerFromTokens(tokens.slice(0, n)));
      if (!node) continue;
      const target = node.parent?.type === 'property' ? node.parent : node;
      return { ...p, ...lineColumnAt(doc, target.offset) };
    }
    return { ...p, line: 1, column: 1 };
  });
}
