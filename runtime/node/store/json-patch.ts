import { escapePointerToken, tokensFromPointer } from '../../core/index';

/**
 * RFC 6902 JSON Patch between two versions of a response, for the audit. Our own ~40 lines, not
 * fast-json-patch: that package is not installed, and the audit needs only `add`, `remove` and
 * `replace` (an array that changed is replaced whole: answers' lists are short, and a reader of
 * the history sees the list as it became rather than index arithmetic). Pointers are written by
 * the one pointers module of core.
 */
export type PatchOp =
  | { op: 'add' | 'replace'; path: string; value: unknown }
  | { op: 'remove'; path: string };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  }
  return false;
}

export function diffPatch(before: unknown, after: unknown, base = ''): PatchOp[] {
  if (same(before, after)) return [];
  if (!isObject(before) || !isObject(after)) return [{ op: 'replace', path: base, value: after }];
  const ops: PatchOp[] = [];
  for (const key of Object.keys(before)) {
    if (!Object.prototype.hasOwnProperty.call(after, key)) ops.push({ op: 'remove', path: `${base}/${escapePointerToken(key)}` });
  }
  for (const [key, value] of Object.entries(after)) {
    const path = `${base}/${escapePointerToken(key)}`;
    if (!Object.prototype.hasOwnProperty.call(before, key)) ops.push({ op: 'add', path, value });
    else ops.push(...diffPatch(before[key], value, path));
  }
  return ops;
}

/** Applies a patch made by `diffPatch` to a copy of `doc` (the history test walks versions with it). */
export function applyPatch<T>(doc: T, patch: readonly PatchOp[]): T {
  let root: unknown = structuredClone(doc);
  for (const op of patch) {
    const tokens = tokensFromPointer(op.path);
    if (tokens.length === 0) {
      root = op.op === 'remove' ? undefined : structuredClone(op.value);
      continue;
    }
    let parent = root as Record<string, unknown>;
    for (const t of tokens.slice(0, -1)) parent = parent[t] as Record<string, unknown>;
    const last = tokens.at(-1)!;
    if (op.op === 'remove') delete parent[last];
    else Object.defineProperty(parent, last, { value: structuredClone(op.value), enumerable: true, writable: true, configurable: true });
  }
  return root as T;
}
