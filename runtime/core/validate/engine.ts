// The runtime half of ajv-formats: the module its own plugin names in generated code
// (`require("ajv-formats/dist/formats")`). Its public entry adds the plugin, whose keywords load
// AJV's compiler: every ahead-of-time validator module would grow from 17.6 KB to 56 KB gzip
// (routine-enquiry 2.0.0). The compiler side, createAjv, goes through the public entry.
import { fullFormats } from 'ajv-formats/dist/formats';
import type { Format, FormatDefinition } from 'ajv';
import { compileLinear, MAX_PATTERN_STATES } from './pattern/index';

/**
 * The pieces of validation that generated code refers to by name: the linear-time pattern
 * engine and the format table. The runtime AJV and the ahead-of-time (standalone) modules both
 * take them from this one file, so a pattern or a format means the same in the browser, the
 * command line and the server.
 */

/** What AJV needs of a compiled pattern. */
export interface PatternMatcher {
  test(text: string): boolean;
  toString(): string;
}

/** Patterns whose program would be larger than this are refused: matching is linear in the input times the program. */
export const MAX_PATTERN_PROGRAM = MAX_PATTERN_STATES;

export type PatternCompileResult = { ok: true; matcher: PatternMatcher } | { ok: false; reason: string };

/**
 * Compile an ECMA-262 `pattern` (`u` flag) on our linear-time matcher (pattern/: a set-of-states
 * NFA, no backtracking). Backreferences and lookaround cannot run there and are refused, never
 * silently run on the backtracking engine; so are syntax errors and over-large repetitions.
 */
export function compilePattern(pattern: string): PatternCompileResult {
  const compiled = compileLinear(pattern);
  if (!compiled.ok) return compiled;
  return { ok: true, matcher: { test: compiled.test, toString: () => `/${pattern}/u` } };
}

/**
 * AJV's `code.regExp` engine. The `code` string is what standalone modules call; the node-side
 * generator rewrites it to point at this file (runtime/node/standalone.ts).
 */
export const linearRegExp = Object.assign(
  function linearRegExp(pattern: string, _flags: string): PatternMatcher {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) throw new PatternUnsupportedError(pattern, compiled.reason);
    return compiled.matcher;
  },
  { code: 'require("assessment-studio/validator-engine").linearRegExp' },
);

export class PatternUnsupportedError extends Error {
  constructor(
    readonly pattern: string,
    readonly reason: string,
  ) {
    super(`The pattern ${JSON.stringify(pattern)} cannot run on the linear-time engine: ${reason}`);
    this.name = 'PatternUnsupportedError';
  }
}

const isoTime = fullFormats['iso-time'] as FormatDefinition<string>;

/** HH:MM may omit seconds (docs/definition-format.md): a departure from RFC 3339 full-time. */
function withSeconds(text: string): string {
  return /^\d\d:\d\d(?:$|[zZ+-])/.test(text) ? text.slice(0, 5) + ':00' + text.slice(5) : text;
}

const timeFormat: FormatDefinition<string> = {
  type: 'string',
  validate: (text: string) => (isoTime.validate as (s: string) => boolean)(withSeconds(text)),
  compare: (a: string, b: string) => isoTime.compare!(withSeconds(a), withSeconds(b)),
};

/**
 * The formats the product asserts (a documented departure from 2020-12, where `format` only
 * annotates): date, time (HH:MM allowed), date-time and email. Every other known format stays an
 * annotation, as the specification says.
 */
export const ASSERTED_FORMATS = ['date', 'time', 'date-time', 'email'] as const;

/**
 * Draft 2020-12 formats ajv-formats does not define. Named here as annotations, so that AJV's strict
 * mode, which refuses a format it does not know, still accepts every format the specification names.
 */
const ANNOTATION_ONLY_FORMATS = ['idn-email', 'idn-hostname', 'iri', 'iri-reference'];

/** The format table: asserted formats validate; every other format name always passes. */
export const formats: Record<string, Format> = Object.fromEntries([
  ...Object.keys(fullFormats).map((name) => [name, (ASSERTED_FORMATS as readonly string[]).includes(name) ? (name === 'time' ? timeFormat : fullFormats[name as keyof typeof fullFormats]) : true]),
  ...ANNOTATION_ONLY_FORMATS.map((name) => [name, true]),
]);
