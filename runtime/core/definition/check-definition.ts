import { fail, ok, type Problem, type Result } from '../problems/problem';
import { checkValueLimits, limits } from '../safety/limits';
import { checkValueSize } from '../safety/size';
import { lint } from '../lint/index';
import { contentHash } from './hash';
import { definitionFromValue } from './load';
import type { Definition } from './envelope';

/**
 * The check every browser surface (mount, the custom element, the React component, the iframe and
 * practitioner pages, the builder's preview) runs on a definition object before rendering it: the
 * loader's checks on a value that never was text. Size first (bounded, so a huge value costs no more
 * than one at the limit), then the value limits (depth, forbidden keys…), so the envelope, the hash
 * and lint only ever walk a value that cannot overflow the stack; lint's errors refuse it, its
 * warnings do not.
 */
export function checkDefinition(value: unknown): Result<Definition> {
  if (value === null || typeof value !== 'object') return definitionFromValue(value);
  const known = checked.get(value);
  if (known) return known;
  const result = runChecks(value);
  checked.set(value, result);
  return result;
}

/** A host re-rendering with the same object pays once. */
const checked = new WeakMap<object, Result<Definition>>();

function runChecks(value: object): Result<Definition> {
  const size = checkValueSize(value, limits.definitionBytes);
  if (size.length) return fail(size);
  const limited = checkValueLimits(value);
  if (limited.length) return fail(limited);
  const loaded = definitionFromValue(value);
  if (!loaded.ok) return loaded;
  const unhashable = checkRepresentable(value);
  if (unhashable.length) return fail(unhashable);
  const problems = lint(loaded.value);
  const errors = problems.filter((p) => p.severity === 'error');
  return errors.length ? fail(errors) : ok(loaded.value, problems);
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
