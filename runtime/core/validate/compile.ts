import type { ErrorObject } from 'ajv';
import { fail, ok, type Problem, type Result } from '../problems/problem';
import { contentHash } from '../definition/hash';
import { checkSchemaSafety } from '../safety/schema';
import { limits } from '../safety/limits';
import { countSchemas } from '../safety/walk';
import type Ajv2020 from 'ajv/dist/2020';
import { createAjv } from './ajv';
import { PatternUnsupportedError } from './engine';
import { keywordProblems } from './keyword-problems';

/**
 * A compiled validator: AJV's function shape, whether compiled here (with `new Function`) or
 * imported from an ahead-of-time module (`validate` of runtime/node/standalone.ts's output).
 * @public
 */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Thrown by `compileValidator` when a schema is refused or cannot compile; `problems` say why. */
export class ValidatorCompileError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'ValidatorCompileError';
  }
}

const MAX_CACHED = 64;
const cache = new Map<string, Result<CompiledValidator>>();
const hashes = new WeakMap<object, string>();

/**
 * The key validators are cached by: the content hash of the definition's schema (the validator
 * depends on nothing else, so versions with the same schema share one). The hash is remembered
 * per schema object, so a schema must not be changed in place once validated: edit a copy.
 */
export function validatorKey(definition: { schema: Record<string, unknown> }): string | undefined {
  const known = hashes.get(definition.schema);
  if (known) return known;
  try {
    const hash = contentHash(definition.schema);
    hashes.set(definition.schema, hash);
    return hash;
  } catch {
    return undefined;
  }
}

/**
 * Check a schema's safety, then compile it once per content hash. Hostile schemas are refused
 * before AJV sees them (`checkSchemaSafety`); anything AJV still cannot compile is
 * `validator-unsupported`, never an exception.
 */
export function tryCompileValidator(definition: { schema: Record<string, unknown> }): Result<CompiledValidator> {
  // Too large to be worth hashing: refuse at once (the count stops at the limit).
  if (countSchemas(definition.schema, limits.schemaNodes) > limits.schemaNodes) return fail(checkSchemaSafety(definition.schema, '/schema'));
  const key = validatorKey(definition);
  const cached = key === undefined ? undefined : cache.get(key);
  if (cached) {
    // Refresh its place, so the cache drops the least recently used.
    cache.delete(key!);
    cache.set(key!, cached);
    return cached;
  }
  const result = compileUncached(definition.schema);
  if (key !== undefined) {
    cache.set(key, result);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return result;
}

/** As `tryCompileValidator`, for callers that hold only valid definitions; throws `ValidatorCompileError`. */
export function compileValidator(definition: { schema: Record<string, unknown> }): CompiledValidator {
  const result = tryCompileValidator(definition);
  if (!result.ok) throw new ValidatorCompileError(result.problems);
  return result.value;
}

function compileUncached(schema: Record<string, unknown>): Result<CompiledValidator> {
  const safety = checkSchemaSafety(schema, '/schema');
  if (safety.some((p) => p.severity === 'error')) return fail(safety);
  return compileSchema(createAjv(), schema);
}

/**
 * Compile a (safety-checked) schema on an instance from `createAjv`: what strict mode and the `x-`
 * meta-schemas refuse comes back as problems at their pointers, anything else AJV throws as
 * `validator-unsupported`. The ahead-of-time generator compiles through here too.
 */
export function compileSchema(ajv: Ajv2020, schema: Record<string, unknown>): Result<CompiledValidator> {
  const refused = keywordProblems(ajv, schema, '/schema');
  if (refused.length) return fail(refused);
  try {
    return ok(ajv.compile(schema) as CompiledValidator);
  } catch (e) {
    return fail([compileProblem(e)]);
  }
}

export function compileProblem(e: unknown): Problem {
  if (e instanceof PatternUnsupportedError) {
    return { code: 'pattern-unsafe', severity: 'error', message: e.message, path: '/schema', source: 'validate', params: { pattern: e.pattern } };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return {
    code: 'validator-unsupported',
    severity: 'error',
    message: `The schema cannot be compiled for validation: ${detail.slice(0, 300)}`,
    path: '/schema',
    source: 'validate',
  };
}

/**
 * Run a validator so that it can never throw at the caller: a schema AJV recurses on without end
 * (some dynamic references) overflows the stack; that becomes `validator-unsupported`.
 */
export function runValidator(validator: CompiledValidator, data: unknown): { ok: true; valid: boolean } | { ok: false; problem: Problem } {
  try {
    return { ok: true, valid: validator(data) };
  } catch (e) {
    return {
      ok: false,
      problem: { code: 'validator-unsupported', severity: 'error', message: `The answers could not be checked: ${e instanceof Error ? e.message : String(e)}`, path: '', source: 'validate' },
    };
  }
}
