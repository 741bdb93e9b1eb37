import { createMatcher, type Matcher } from './match';
import { compileProgram, MAX_PATTERN_STATES } from './nfa';
import { MAX_PATTERN_NESTING, parsePattern, PatternRefusal } from './parse';

export { MAX_PATTERN_STATES, MAX_PATTERN_NESTING, type Matcher };

export type LinearCompileResult = { ok: true; test: Matcher } | { ok: false; reason: string };

/**
 * Compiles an ECMA-262 pattern (with the `u` flag, as JSON Schema 2020-12 asks) for a linear-time
 * `test()`: native syntax check first, then our parser, NFA and set-of-states matcher.
 */
export function compileLinear(pattern: string): LinearCompileResult {
  try {
    new RegExp(pattern, 'u'); // compiled, never run: only valid syntax reaches the parser
  } catch (e) {
    return { ok: false, reason: `invalid syntax: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    return { ok: true, test: createMatcher(compileProgram(parsePattern(pattern))) };
  } catch (e) {
    if (e instanceof PatternRefusal) return { ok: false, reason: e.message };
    throw e;
  }
}
