import type { Problem } from '../problems/problem';
import { getAtPointer, pointerFromTokens, tokensFromPointer } from '../model/pointers';
import { inPlaceChildren, isSchemaObject, ownValue, walkSchema } from './walk';

const REF_KEYWORDS = ['$ref', '$dynamicRef'] as const;

/**
 * References are resolved here, before AJV: a `$ref` leaving the definition is never fetched
 * (`ref-remote`), one pointing at nothing is `ref-unresolved`, and a chain of references that
 * returns to where it started without descending into the data (AJV would recurse forever) is
 * `ref-cycle`.
 */
export function checkRefs(schema: unknown, at = ''): Problem[] {
  if (!isSchemaObject(schema)) return [];
  const rootId = typeof schema.$id === 'string' ? schema.$id.replace(/#$/, '') : undefined;
  const anchors = new Map<string, string>();
  const refs: Array<{ from: string; keyword: string; ref: unknown }> = [];
  walkSchema(schema, (node, path) => {
    const pointer = pointerFromTokens(path);
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const name = ownValue(node, key);
      if (typeof name === 'string' && !anchors.has(name)) anchors.set(name, pointer);
    }
    for (const keyword of REF_KEYWORDS) {
      if (Object.prototype.hasOwnProperty.call(node, keyword)) refs.push({ from: pointer, keyword, ref: node[keyword] });
    }
  });

  const problems: Problem[] = [];
  const resolved = new Map<string, string[]>();
  for (const { from, keyword, ref } of refs) {
    const path = at + from + '/' + keyword;
    const target = resolveLocal(schema, ref, rootId, anchors);
    if (target.kind === 'remote') {
      problems.push({
        code: 'ref-remote',
        severity: 'error',
        message: `The reference ${JSON.stringify(ref)} points outside the definition; remote references are never fetched. Put the shape under $defs and refer to it as "#/$defs/…".`,
        path,
        source: 'safety',
        params: { ref },
      });
    } else if (target.kind === 'unresolved') {
      problems.push({ code: 'ref-unresolved', severity: 'error', message: `The reference ${JSON.stringify(ref)} points at nothing in the schema.`, path, source: 'safety', params: { ref } });
    } else {
      resolved.set(from, [...(resolved.get(from) ?? []), target.pointer]);
    }
  }
  problems.push(...findCycles(schema, resolved, at));
  return problems;
}

type Target = { kind: 'local'; pointer: string } | { kind: 'remote' } | { kind: 'unresolved' };

function resolveLocal(root: Record<string, unknown>, ref: unknown, rootId: string | undefined, anchors: Map<string, string>): Target {
  if (typeof ref !== 'string') return { kind: 'unresolved' };
  const hash = ref.indexOf('#');
  const base = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  // Only the root's own `$id` names this document; any other base (relative or absolute) is elsewhere.
  if (base !== '' && base !== rootId) return { kind: 'remote' };
  if (fragment === '') return { kind: 'local', pointer: '' };
  if (!fragment.startsWith('/')) {
    const anchor = anchors.get(fragment);
    return anchor === undefined ? { kind: 'unresolved' } : { kind: 'local', pointer: anchor };
  }
  let pointer: string;
  try {
    pointer = pointerFromTokens(tokensFromPointer(decodeURIComponent(fragment)));
  } catch {
    return { kind: 'unresolved' };
  }
  const node = getAtPointer(root, pointer);
  return isSchemaObject(node) || typeof node === 'boolean' ? { kind: 'local', pointer } : { kind: 'unresolved' };
}

/** Depth-first search over "same instance" edges (in-place applicators and references), iteratively. */
function findCycles(root: Record<string, unknown>, refEdges: Map<string, string[]>, at: string): Problem[] {
  const state = new Map<string, 'open' | 'done'>();
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const edges = (pointer: string): Array<{ to: string }> => {
    const node = getAtPointer(root, pointer);
    if (!isSchemaObject(node)) return [];
    const out = inPlaceChildren(node).map((tokens) => ({ to: pointer + pointerFromTokens(tokens) }));
    for (const target of refEdges.get(pointer) ?? []) out.push({ to: target });
    return out;
  };
  for (const start of refEdges.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ pointer: string; next: Array<{ to: string }> }> = [{ pointer: start, next: edges(start) }];
    state.set(start, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const edge = top.next.pop();
      if (!edge) {
        state.set(top.pointer, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.to);
      if (seen === 'open') {
        // Name the first reference on the loop: that is what an author edits to break it.
        const loop = stack.slice(stack.findIndex((f) => f.pointer === edge.to)).map((f) => f.pointer);
        const where = loop.find((p) => refEdges.has(p)) ?? top.pointer;
        if (!reported.has(where)) {
          reported.add(where);
          problems.push({
            code: 'ref-cycle',
            severity: 'error',
            message: `This reference leads back to itself without reaching any answer; checking an answer would never end.`,
            path: at + where + refKeywordAt(root, where),
            source: 'safety',
          });
        }
      } else if (seen === undefined) {
        state.set(edge.to, 'open');
        stack.push({ pointer: edge.to, next: edges(edge.to) });
      }
    }
  }
  return problems;
}

function refKeywordAt(root: Record<string, unknown>, pointer: string): string {
  const node = getAtPointer(root, pointer);
  return isSchemaObject(node) && !Object.prototype.hasOwnProperty.call(node, '$ref') ? '/$dynamicRef' : '/$ref';
}
