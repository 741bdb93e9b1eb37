import type { Definition } from '../../core/index';
import type { ValidateFunction } from './validation';

/**
 * Without a precompiled validator (a host embedding a definition directly) the schema is compiled
 * in the browser by core's `tryCompileValidator` (AJV, which needs eval: pages under our strict CSP
 * are always given the server's precompiled module instead). A dynamic import, so AJV's compiler
 * is a separate chunk that only such hosts load.
 */
export async function loadFallbackValidator(definition: Definition): Promise<ValidateFunction | null> {
  try {
    const { compileInBrowser } = await import('./compileFallback');
    return compileInBrowser(definition);
  } catch {
    return null;
  }
}
