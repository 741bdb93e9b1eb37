import { tryCompileValidator, type Definition } from '../../core/index';
import type { ValidateFunction } from './validation';

/** Compiles in the browser with AJV (needs eval). Only ever loaded through a dynamic import. */
export function compileInBrowser(definition: Definition): ValidateFunction | null {
  const result = tryCompileValidator(definition);
  return result.ok ? (result.value as ValidateFunction) : null;
}
