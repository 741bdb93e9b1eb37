import type { Definition } from '../../core/index';
import type { ValidateFunction } from './validation';

/**
 * Without a precompiled validator (a host embedding a definition directly) the schema is compiled
 * in the browser by core's `tryCompileValidator` (AJV, which needs eval: pages under our strict CSP
 * are always given the server's precompiled module instead). Loaded on demand.
 */
export async function loadFallbackValidator(definition: Definition): Promise<ValidateFunction | null> {
  try {
    const { tryCompileValidator } = await import('../../core/index');
    const result = tryCompileValidator(definition);
    return result.ok ? (result.value as ValidateFunction) : null;
  } catch {
    return null;
  }
}
