import { escapePointerToken, pointerFromTokens } from '../model/pointers';
import type { Problem } from '../problems/problem';
import { walkSchema } from '../safety/walk';

/** A keyword AJV's strict mode refuses to compile, found with its pointer. */
export interface StrictFinding {
  keyword: string;
  /** Pointer of the keyword itself: `at`, the schema object's path, the keyword. */
  pointer: string;
  /** Not a keyword at all (a typo, an undeclared `x-`), rather than one that can have no effect. */
  unknown: boolean;
  /** The end of a sentence that starts with the keyword. */
  why: string;
}

/**
 * What strict mode refuses in a schema, each at its pointer: keys that are not keywords, and keywords
 * that can have no effect or never be met (an `if` without `then`/`else`, `minContains` without
 * `contains` …, the checks of AJV's if.ts, thenElse.ts, limitContains.ts and contains.ts). AJV throws
 * at the first without saying where; lint, which cannot build an AJV under the builder's CSP, and
 * the compiler both report them from here. `isKnown` says which keys are keywords.
 */
export function strictFindings(schema: unknown, at: string, isKnown: (keyword: string) => boolean): StrictFinding[] {
  const found: StrictFinding[] = [];
  walkSchema(schema, (node, path) => {
    const base = at + pointerFromTokens(path);
    const has = (keyword: string) => Object.hasOwn(node, keyword);
    const add = (keyword: string, why: string, unknown = false) => found.push({ keyword, pointer: `${base}/${escapePointerToken(keyword)}`, unknown, why });
    for (const keyword of Object.keys(node)) if (!isKnown(keyword)) add(keyword, 'is not a keyword', true);
    if (has('if') && !has('then') && !has('else')) add('if', 'has no "then" or "else" beside it, so it can have no effect');
    for (const keyword of ['then', 'else']) if (has(keyword) && !has('if')) add(keyword, 'has no "if" beside it, so it can have no effect');
    for (const keyword of ['minContains', 'maxContains']) if (has(keyword) && !has('contains')) add(keyword, 'has no "contains" beside it, so it can have no effect');
    if (!has('contains')) return;
    const min = has('minContains') ? node.minContains : 1;
    const max = has('maxContains') ? node.maxContains : undefined;
    if (max === undefined && min === 0) add('minContains', 'is 0 with no "maxContains", so "contains" accepts every array');
    if (typeof max === 'number' && typeof min === 'number' && min > max) add('minContains', 'is above "maxContains", so no array can pass');
  });
  return found;
}

/** A finding as a problem: `extension-unknown` for an unknown `x-` keyword, `schema-invalid` otherwise. */
export function strictProblem({ keyword, pointer, unknown, why }: StrictFinding): Pick<Problem, 'code' | 'message' | 'path' | 'params'> {
  // Worded as docs/conformance.md records it (generated); only hand-written JSON meets these.
  const where = pointer.slice(0, pointer.lastIndexOf('/')) || '/';
  if (!unknown) return { code: 'schema-invalid', message: `"${keyword}" at ${where} ${why} (strict mode).`, path: pointer, params: { keyword } };
  // The known `x-` settings are listed in docs/definition-format.md; naming them all here read as a wall of code.
  const known = keyword.startsWith('x-') ? 'which nothing reads: correct its name or remove it' : 'which the validator does not know';
  return { code: keyword.startsWith('x-') ? 'extension-unknown' : 'schema-invalid', message: `Unknown setting "${keyword}", ${known}.`, path: pointer, params: { keyword } };
}
