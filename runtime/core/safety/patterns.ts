import type { Problem } from '../problems/problem';
import { pointerFromTokens } from '../model/pointers';
import { compilePattern } from '../validate/engine';
import { ownValue, walkSchema, type SchemaPath } from './walk';

/**
 * Every `pattern` and `patternProperties` key must compile on the linear-time engine that runs
 * them everywhere (validate/pattern). Not valid ECMA-262 → `pattern-invalid`; valid but needing
 * backtracking (backreferences, lookaround) or too large once counted repetition is expanded →
 * `pattern-unsafe`, with the engine's reason. `at` prefixes pointers (e.g. `/schema`).
 */
export function checkPatterns(schema: unknown, at = ''): Problem[] {
  const problems: Problem[] = [];
  const check = (pattern: unknown, path: SchemaPath, what: string) => {
    const pointer = at + pointerFromTokens(path);
    if (typeof pattern !== 'string') {
      problems.push({ code: 'pattern-invalid', severity: 'error', message: `The ${what} must be a string.`, path: pointer, source: 'safety' });
      return;
    }
    if (!isEcmaRegExp(pattern)) {
      problems.push({
        code: 'pattern-invalid',
        severity: 'error',
        message: `The ${what} ${JSON.stringify(pattern)} is not a valid regular expression.`,
        path: pointer,
        source: 'safety',
        params: { pattern },
      });
      return;
    }
    const compiled = compilePattern(pattern);
    if (!compiled.ok) {
      problems.push({
        code: 'pattern-unsafe',
        severity: 'error',
        message: `The ${what} ${JSON.stringify(pattern)} cannot run on the linear-time engine: ${compiled.reason}.`,
        path: pointer,
        source: 'safety',
        params: { pattern, reason: compiled.reason },
      });
    }
  };
  walkSchema(schema, (node, path) => {
    if (Object.prototype.hasOwnProperty.call(node, 'pattern')) check(node.pattern, [...path, 'pattern'], 'pattern');
    const patternProperties = ownValue(node, 'patternProperties');
    if (patternProperties && typeof patternProperties === 'object' && !Array.isArray(patternProperties)) {
      for (const key of Object.keys(patternProperties)) check(key, [...path, 'patternProperties', key], 'patternProperties key');
    }
  });
  return problems;
}

/** Compiling (never running) a RegExp tells whether the text is ECMA-262 syntax. */
function isEcmaRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
