/** Small helpers for walking definitions as plain JSON without trusting their shape. */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own property only: a definition is user data, so `__proto__` and friends are never followed. */
export function own(obj: unknown, key: string): unknown {
  return isObject(obj) && Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function ownObject(obj: unknown, key: string): JsonObject | undefined {
  const v = own(obj, key);
  return isObject(v) ? v : undefined;
}

export function ownArray(obj: unknown, key: string): unknown[] | undefined {
  const v = own(obj, key);
  return Array.isArray(v) ? v : undefined;
}

export function ownString(obj: unknown, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** Ensures `obj[key]` is an object, creating it when absent, and returns it. */
export function objectAt(obj: JsonObject, key: string): JsonObject {
  const v = own(obj, key);
  if (isObject(v)) return v;
  const created: JsonObject = {};
  obj[key] = created;
  return created;
}

export function arrayAt(obj: JsonObject, key: string): unknown[] {
  const v = own(obj, key);
  if (Array.isArray(v)) return v;
  const created: unknown[] = [];
  obj[key] = created;
  return created;
}

/** Rebuilds an object with its keys in the given order (keys not listed keep their place at the end). */
export function reorderKeys(obj: JsonObject, order: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of order) if (Object.prototype.hasOwnProperty.call(obj, k)) out[k] = obj[k];
  for (const k of Object.keys(obj)) if (!Object.prototype.hasOwnProperty.call(out, k)) out[k] = obj[k];
  return out;
}
