import type { ErrorObject } from 'ajv';
import { pointerFromTokens, tokensFromPointer } from '../../core/index';
import { topKey } from './uiState';
import type { FieldError } from './validation';

/**
 * Errors as JSON Forms hosts know them: AJV error objects in (`additionalErrors`) and out
 * (`onChange({ data, errors })`, `translateError`).
 */

export const isMissing = (keyword: string) => /^(required|dependentRequired|dependencies)$/.test(keyword);

/**
 * One of our field errors as the AJV error JSON Forms reports: its keyword and params, and a
 * missing answer at its parent with `missingProperty`, as AJV reports `required`.
 */
export function toErrorObject(e: FieldError): ErrorObject {
  // keyword, schemaPath and question are what core adds to AJV's params (validate/problems.ts).
  const { keyword = e.code, schemaPath = '', question: _question, ...params } = (e.params ?? {}) as { keyword?: string; schemaPath?: string; question?: unknown };
  const tokens = tokensFromPointer(e.pointer);
  const missing = isMissing(keyword) ? tokens.pop() : undefined;
  return {
    instancePath: missing === undefined ? e.pointer : pointerFromTokens(tokens),
    schemaPath,
    keyword,
    params: missing === undefined ? params : { ...params, missingProperty: missing },
    message: e.message,
  };
}

/**
 * A host's `additionalErrors` as field errors at the answer each names: `instancePath`, plus the
 * missing or extra property for `required` and `additionalProperties`, as JSON Forms' `getControlPath`
 * places them; several at one answer become one, a line each, as JSON Forms joins them. Anything
 * else is dropped: it comes from outside, and is only ever shown as text.
 */
export function fromErrorObjects(list: unknown): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const item of Array.isArray(list) ? list : []) {
    const { instancePath: at, keyword = 'error', message, params = {} } = (item ?? {}) as Partial<ErrorObject>;
    if (typeof at !== 'string' || (at && at[0] !== '/') || !params || typeof params !== 'object') continue;
    const text = typeof message === 'string' ? message : String(keyword);
    const extra = isMissing(String(keyword)) ? params.missingProperty : keyword === 'additionalProperties' ? params.additionalProperty : undefined;
    const pointer = typeof extra === 'string' ? at + pointerFromTokens([extra]) : at;
    const there = out.get(pointer);
    if (pointer) out.set(pointer, { pointer, key: topKey(pointer), code: 'answer-additional', message: there ? `${there.message}\n${text}` : text, params: { ...params, keyword } });
  }
  return [...out.values()];
}
