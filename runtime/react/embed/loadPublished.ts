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
  return { definition, validator: await importValidator(`${base}/validators/${path}.js`) };
}

/** The definition alone (another version of an open form, to label or migrate its draft). */
export async function loadDefinition(id: string, version: string, base = ''): Promise<Definition> {
  const res = await fetch(`${base}/api/forms/${encodeURIComponent(id)}/${encodeURIComponent(version)}`, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The form ${id} ${version} could not be loaded (${res.status}).`);
  const parsed = definitionSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error(`The form ${id} ${version} is not a valid definition.`);
  return parsed.data;
}

/** An ahead-of-time validator module (same origin, so `script-src 'self'` allows it); null if it will not load. */
export async function importValidator(url: string): Promise<ValidateFunction | null> {
  try {
    const mod = (await import(/* @vite-ignore */ url)) as { validate?: ValidateFunction; default?: ValidateFunction };
    const validate = mod.validate ?? mod.default;
    return typeof validate === 'function' ? validate : null;
  } catch {
    return null;
  }
}

/**
 * A validator for a definition that is not published (one a host posts to the iframe page): the
 * server compiles it ahead of time, as it does for the builder's preview, and the page imports
 * the module. Null when the server will not (the form then refuses to run, never runs unchecked).
 */
export async function compileOnServer(definition: Definition, base = ''): Promise<ValidateFunction | null> {
  try {
    const res = await fetch(`${base}/api/validators`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition) });
    if (!res.ok) return null;
    const body = (await res.json()) as { url?: unknown };
    return typeof body.url === 'string' && body.url.startsWith('/validators/') ? importValidator(`${base}${body.url}`) : null;
  } catch {
    return null;
  }
}
