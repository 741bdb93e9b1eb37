import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fail, ok, type Problem, type Result } from '../problems/problem';
import { checkTextLimits, checkValueLimits } from '../safety/limits';
import { definitionSchema, type Definition } from './envelope';
import { positioned, rangeOfPointer, lineColumnAt, type PositionedText } from './locate';
import { problemsFromZod } from '../problems/from-zod';

export interface LoadedJson {
  value: unknown;
  doc: PositionedText;
}

/**
 * Parse JSON text safely: size is checked before parsing, syntax errors name a line and column,
 * and depth / forbidden keys are checked before anything else walks the value.
 */
export function parseJsonText(text: string, maxBytes?: number): Result<LoadedJson> {
  const pre = checkTextLimits(text, maxBytes);
  if (pre.length) return fail(pre);
  if (text.trim() === '') return fail([{ code: 'file-empty', severity: 'error', message: 'The file is empty.', path: '', source: 'load', line: 1, column: 1 }]);
  const doc = positioned(text);
  // JSON.parse keeps a `__proto__` key as an own property (so the limits check can refuse it);
  // jsonc-parser is used only to say where a syntax error is.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { allowTrailingComma: false, disallowComments: true });
    if (errors.length === 0) errors.push({ error: 0 as ParseError['error'], offset: 0, length: 0 });
    return fail(
      errors.slice(0, 5).map((e) => ({
        code: 'json-syntax',
        severity: 'error' as const,
        message: `Not valid JSON: ${describeParseError(printParseErrorCode(e.error))}.`,
        path: '',
        source: 'load' as const,
        ...lineColumnAt(doc, e.offset),
      })),
    );
  }
  const limits = checkValueLimits(value);
  if (limits.length) return fail(withPositions(limits, doc));
  return ok({ value, doc });
}

/** Load a definition from text: a definition, or problems that point at a line and column. */
export function loadDefinitionText(text: string): Result<Definition> & { doc?: PositionedText; raw?: unknown } {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const { value, doc } = parsed.value;
  const checked = definitionFromValue(value);
  if (!checked.ok) return { ...fail(withPositions(checked.problems, doc)), doc, raw: value };
  return { ...checked, doc, raw: value };
}

/** The envelope check alone, for a definition that arrives as a value (a host's postMessage): problems carry pointers, no lines. */
export function definitionFromValue(value: unknown): Result<Definition> {
  const checked = definitionSchema.safeParse(value);
  return checked.success ? ok(checked.data) : fail(problemsFromZod(checked.error, 'envelope-invalid', 'envelope'));
}

/** Fill in `line`/`column` for problems from the pointer they carry. */
export function withPositions(problems: Problem[], doc: PositionedText): Problem[] {
  return problems.map((p) => (p.line !== undefined ? p : { ...p, ...pick(rangeOfPointer(doc, p.path)) }));
}

function pick(r: { line: number; column: number }): { line: number; column: number } {
  return { line: r.line, column: r.column };
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'malformed number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace } was expected',
    CloseBracketExpected: 'a closing bracket ] was expected',
    EndOfFileExpected: 'text after the end of the JSON value',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  };
  return words[code] ?? code;
}
