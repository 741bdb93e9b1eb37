import { canonicalJson } from '../definition/hash';

/** Small helpers for walking definitions read from files: own properties only, never the prototype. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function own(node: unknown, key: string): unknown {
  return isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined;
}

export function ownString(node: unknown, key: string): string | undefined {
  const value = own(node, key);
  return typeof value === 'string' ? value : undefined;
}

/** Canonical JSON for comparing values, tolerant of values canonicalize refuses (e.g. NaN). */
export function canonical(value: unknown): string {
  try {
    return canonicalJson(value ?? null);
  } catch {
    return valueText(value);
  }
}

/**
 * A scalar as text (an option's code). Never calls an object's own `toString`: values come from
 * files, and `{"toString": 1}` would make `String(value)` throw.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value; // nearly every option's code
  if (value === null || typeof value !== 'object') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '[value]';
  }
}

export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** Shorten a question's wording for one-line summaries. */
export function shorten(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
