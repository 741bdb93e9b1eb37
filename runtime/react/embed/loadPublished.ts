import { definitionSchema, type Definition } from '../../core/index';
import type { ValidateFunction } from '../model/validation';

/**
 * Loads a published form from the product's server: the definition from `/api/forms/<id>/<version>`
 * and its ahead-of-time compiled validator from `/validators/<id>/<version>.js` (an ES module, so
 * `script-src 'self'` allows it and no eval is needed).
 */
export async function loadPublished(id: string, version: string, base = ''): Promise<{ definition: Definition; validator: ValidateFunction | null }> {
  const path = `${encodeURIComponent(id)}/${encodeURIComponent(version)}`;
  const definition = await loadDefinition(id, version, base);
  let validator: ValidateFunction | null = null;
  try {
    const mod = (await import(/* @vite-ignore */ `${base}/validators/${path}.js`)) as { validate?: ValidateFunction; default?: ValidateFunction };
    validator = mod.validate ?? mod.default ?? null;
  } catch {
    validator = null;
  }
  return { definition, validator };
}

/** The definition alone (another version of an open form, to label or migrate its draft). */
export async function loadDefinition(id: string, version: string, base = ''): Promise<Definition> {
  const res = await fetch(`${base}/api/forms/${encodeURIComponent(id)}/${encodeURIComponent(version)}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The form ${id} ${version} could not be loaded (${res.status}).`);
  const parsed = definitionSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`The form ${id} ${version} is not a valid definition.`);
  return parsed.data;
}
