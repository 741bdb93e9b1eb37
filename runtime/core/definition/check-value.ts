import { fail, type Problem, type Result } from '../problems/problem';
import { checkValueLimits, limits } from '../safety/limits';
import { renderProblems } from '../lint/render-rules';
import { contentHash } from './hash';
import { definitionFromValue } from './from-value';
import type { Definition } from './envelope';

/*
 * The checks a browser surface runs before it renders a definition object. Apart from
 * check-definition.ts (all of lint) so that the embeds' first chunk holds none of lint but the
 * rules rendering depends on: lint waits in a chunk of its own until after the first paint.
 */

/**
 * What the embeds (`mount()`, `<assessment-form>`, `AssessmentForm`) check before rendering an
 * object: the value checks, then the lint rules rendering depends on (lint/render-rules.ts: the UI
 * schema's shape and rules, the question limit, the safety check). Cached per object.
 */
export function checkDefinitionForRendering(value: unknown): Result<Definition> {
  return cached(forRendering, value, (v) => {
    const base = checkDefinitionValue(v);
    if (!base.ok) return base;
    // Read on the object given, not zod's copy: the form built next reads the same object, so its
    // model (cached per definition object) is built once, not twice.
    const errors = renderProblems(v as Definition);
    return errors.length ? fail(errors) : base;
  });
}

/**
 * The checks without lint: what must hold before anything walks, hashes or renders the value.
 * For the builder's preview, which shows an author's draft while lint's problems are listed beside it.
 */
export function checkDefinitionValue(value: unknown): Result<Definition> {
  return cached(shaped, value, (v) => {
    const limited = checkValueLimits(v, limits.definitionBytes);
    if (limited.length) return fail(limited);
    // No hash here: the value limits name every value canonical JSON cannot hold at its pointer
    // (lone surrogates, non-finite numbers, values JSON has no form for, cycles as too deep), and
    // hashing a form at the question limit cost tens of milliseconds of every first render.
    return definitionFromValue(v);
  });
}

/** A host re-rendering with the same object pays once. */
const shaped = new WeakMap<object, Result<Definition>>();
const forRendering = new WeakMap<object, Result<Definition>>();

/** `run(value)` once per object in `cache`; for check-definition.ts, not core's API. */
export function cached(cache: WeakMap<object, Result<Definition>>, value: unknown, run: (value: object) => Result<Definition>): Result<Definition> {
  if (value === null || typeof value !== 'object') return definitionFromValue(value);
  let result = cache.get(value);
  if (!result) {
    cache.set(value, (result = run(value)));
    // The parsed definition a surface passes on (zod's copy) is known good too: not checked again.
    if (result.ok) cache.set(result.value, result);
  }
  return result;
}

/**
 * Every runtime hashes its definition (the response records it): a value canonical JSON cannot
 * hold (a lone surrogate, a non-finite number) would throw there, mid-render. The value limits name
 * such a value at its pointer once they check for it; this is the net under them.
 */
export function checkRepresentable(value: unknown): Problem[] {
  try {
    contentHash(value);
    return [];
  } catch (e) {
    return [
      {
        code: 'value-unrepresentable',
        severity: 'error',
        message: `The definition holds a value canonical JSON cannot represent: ${e instanceof Error ? e.message : String(e)}.`,
        path: '',
        source: 'safety',
      },
    ];
  }
}
