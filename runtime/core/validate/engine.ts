import { RE2JS } from 're2js';
import { fullFormats } from 'ajv-formats/dist/formats';
import type { Format, FormatDefinition } from 'ajv';

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

/** Patterns whose compiled program is larger than this are refused: RE2 is linear in the input, not the pattern. */
export const MAX_PATTERN_PROGRAM = 20_000;

export type PatternCompileResult = { ok: true; matcher: PatternMatcher } | { ok: false; reason: string };

/**
 * Compile an ECMA-262 `pattern` on RE2 (linear time, no backtracking). Backreferences and
 * lookaround cannot run there and are refused, never silently run on the backtracking engine.
 */
export function compilePattern(pattern: string): PatternCompileResult {
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(shortPropertyNames(pattern)));
    if (re.programSize() > MAX_PATTERN_PROGRAM) return { ok: false, reason: 'the pattern is too large' };
    return {
      ok: true,
      matcher: {
        test: (text: string) => re.test(text),
        toString: () => `/${pattern}/re2`,
      },
    };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: message.replace(/^error parsing regexp: /, '') };
  }
}

/** ECMA-262 long General_Category names → the short names RE2 knows (`\p{Letter}` → `\p{L}`). */
const CATEGORY: Record<string, string> = {
  Letter: 'L', Cased_Letter: 'L', Uppercase_Letter: 'Lu', Lowercase_Letter: 'Ll', Titlecase_Letter: 'Lt', Modifier_Letter: 'Lm', Other_Letter: 'Lo',
  Mark: 'M', Nonspacing_Mark: 'Mn', Spacing_Mark: 'Mc', Enclosing_Mark: 'Me',
  Number: 'N', Decimal_Number: 'Nd', digit: 'Nd', Letter_Number: 'Nl', Other_Number: 'No',
  Punctuation: 'P', punct: 'P', Connector_Punctuation: 'Pc', Dash_Punctuation: 'Pd', Open_Punctuation: 'Ps', Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi', Final_Punctuation: 'Pf', Other_Punctuation: 'Po',
  Symbol: 'S', Math_Symbol: 'Sm', Currency_Symbol: 'Sc', Modifier_Symbol: 'Sk', Other_Symbol: 'So',
  Separator: 'Z', Space_Separator: 'Zs', Line_Separator: 'Zl', Paragraph_Separator: 'Zp',
  Other: 'C', Control: 'Cc', cntrl: 'Cc', Format: 'Cf', Surrogate: 'Cs', Private_Use: 'Co', Unassigned: 'Cn',
};

function shortPropertyNames(pattern: string): string {
  // Only an escape preceded by an even number of backslashes is a property escape.
  return pattern.replace(/(^|[^\\])((?:\\\\)*)\\([pP])\{(?:(?:General_Category|gc)=)?([A-Za-z_]+)\}/g, (whole, before: string, slashes: string, p: string, name: string) =>
    CATEGORY[name] ? `${before}${slashes}\\${p}{${CATEGORY[name]}}` : whole,
  );
}

/**
 * AJV's `code.regExp` engine. The `code` string is what standalone modules call; the node-side
 * generator rewrites it to point at this file (runtime/node/standalone.ts).
 */
export const re2RegExp = Object.assign(
  function re2RegExp(pattern: string, _flags: string): PatternMatcher {
    const compiled = compilePattern(pattern);
    if (!compiled.ok) throw new PatternUnsupportedError(pattern, compiled.reason);
    return compiled.matcher;
  },
  { code: 'require("assessment-studio/validator-engine").re2RegExp' },
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

/** The format table: asserted formats validate; the rest of ajv-formats' names always pass. */
export const formats: Record<string, Format> = Object.fromEntries(
  Object.keys(fullFormats).map((name) => [name, (ASSERTED_FORMATS as readonly string[]).includes(name) ? (name === 'time' ? timeFormat : fullFormats[name as keyof typeof fullFormats]) : true]),
);
