import { checkDefinitionForRendering, limits, tooLarge, parseJsonText, type Definition, type Problem } from '../../core/index';
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
  return definitionFromResponse(res);
}

/**
 * A definition from a fetch response, with the checks every surface runs: the text is read no
 * further than the size limit (tens of megabytes are never decoded or parsed on the main thread),
 * parsed by core's loader (depth from the text, before JSON.parse), then the checks rendering
 * depends on (`checkDefinitionForRendering`); the form runs the rest of lint after its first paint
 * and holds submit until then (checkAfterPaint.ts).
 * Throws `DefinitionRefusedError` with the problems when it fails.
 */
export async function definitionFromResponse(res: Response): Promise<Definition> {
  const text = await readCapped(res, limits.definitionBytes);
  if (text === null) throw new DefinitionRefusedError([tooLarge(limits.definitionBytes)]);
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new DefinitionRefusedError(parsed.problems);
  const checked = checkDefinitionForRendering(parsed.value.value);
  if (!checked.ok) throw new DefinitionRefusedError(checked.problems);
  return checked.value;
}

/** A definition that failed the checks on its way in: the surface shows `problems` as a refusal. */
export class DefinitionRefusedError extends Error {
  readonly code = 'definition-refused';
  constructor(readonly problems: Problem[]) {
    super('The definition failed the checks.');
  }
}

/** The body as text, or null once it passes `maxBytes` (the rest is never read). */
async function readCapped(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > maxBytes) {
    void res.body?.cancel();
    return null;
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(bytes);
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
