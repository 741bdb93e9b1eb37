import { isForbiddenKey } from '../model/store';

/**
 * The data a JSON Forms renderer is given for one answer, and its writes back: a control sees a
 * root holding its own answer at its own path (`children.0.name`), nothing else, so its context
 * changes only when that answer does.
 */

export type Json = unknown;

/** A root holding `value` at `path` (its segments are JSON Forms' dot-separated data path). */
export function dataRoot(path: string[], value: Json): Record<string, Json> {
  const root: Record<string, Json> = {};
  let node = root;
  path.forEach((segment, i) => {
    if (i === path.length - 1) {
      if (value !== undefined) node[segment] = value;
    } else node = node[segment] = {} as Record<string, Json>;
  });
  return root;
}

/**
 * A JSON Forms `update(path, updater)` applied to our answer, which sits at `own`: the updater is
 * given a copy (JSON Forms hands it a deep clone, and array renderers mutate it), and the answer
 * as it becomes is returned. A write outside the answer, or through a prototype name, is refused
 * (undefined `ok`): a control owns its own answer and nothing else.
 */
export function applyUpdate(own: string[], answer: Json, path: string, updater: (existing: Json) => Json): { ok: boolean; answer?: Json } {
  const target = path === '' ? [] : path.split('.');
  if (target.length < own.length || own.some((s, i) => target[i] !== s) || target.some(isForbiddenKey)) return { ok: false };
  const inner = target.slice(own.length);
  const copy = answer === undefined ? undefined : structuredClone(answer);
  if (inner.length === 0) return { ok: true, answer: updater(copy) };
  const base = (copy && typeof copy === 'object' ? copy : {}) as Record<string, Json>;
  let node = base;
  for (const segment of inner.slice(0, -1)) {
    const next = node[segment];
    node = node[segment] = (next && typeof next === 'object' ? next : {}) as Record<string, Json>;
  }
  const last = inner[inner.length - 1]!;
  const next = updater(node[last]);
  if (next === undefined) delete node[last];
  else node[last] = next;
  return { ok: true, answer: base };
}
