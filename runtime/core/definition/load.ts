import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { fail, ok, type Problem, type Result } from '../problems/problem';
import { checkTextLimits, checkValueLimits } from '../safety/limits';
import type { Definition } from './envelope';
import { definitionFromValue } from './from-value';
import { positioned, rangeOfPointer, lineColumnAt, type PositionedText } from './locate';
import { checkSource } from './source-checks';
import { decodeUtf8 } from './utf8';

export interface LoadedJson {
  value: unknown;
  doc: PositionedText;
}

/**
 * Parse JSON text safely: size is checked before parsing, syntax errors name a line and column,
 * and depth / forbidden keys are checked before anything else walks the value. Then everything
 * JSON.parse would decide silently is refused: a BOM, duplicate keys, integers it would round,
 * and values canonical JSON cannot write, so no later step (hash, export, publish) meets them.
 */
export function parseJsonText(text: string, maxBytes?: number): Result<LoadedJson> {
  // Refused, not skipped: whatever reads the file (an editor, the server's ETag, the hash) then
  // sees the same bytes, and every command gives the same verdict (docs/definition-format.md).
  if (text.charCodeAt(0) === 0xfeff) {
    return fail([{ code: 'encoding-bom', severity: 'error', message: 'The file starts with a byte-order mark (U+FEFF): save it as UTF-8 without a byte-order mark.', path: '', source: 'load', line: 1, column: 1 }]);
  }
  const pre = checkTextLimits(text, maxBytes);
  if (pre.length) return fail(pre);
  if (text.trim() === '') return fail([{ code: 'file-empty', severity: 'error', message: 'The file is empty.', path: '', source: 'load', line: 1, column: 1 }]);
  const doc = positioned(text);
  // JSON.parse keeps a `__proto__` key as an own property (so the limits check can refuse it);
  // jsonc-parser's tree says where a syntax error is, and shows what JSON.parse hides.
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
  const problems = [...checkSource(doc, value), ...withPositions(checkValueLimits(value), doc)];
  if (problems.length) return fail(problems);
  return ok({ value, doc });
}

/** Bytes (a file, a request body) or text already decoded (an editor's buffer), as JSON with positions. */
export function parseJson(input: Uint8Array | string, maxBytes?: number): Result<LoadedJson> {
  if (typeof input === 'string') return parseJsonText(input, maxBytes);
  const text = decodeUtf8(input);
  return text.ok ? parseJsonText(text.value, maxBytes) : text;
}

export type LoadedDefinition = Result<Definition> & { doc?: PositionedText; raw?: unknown };

/**
 * The one loader: bytes or text → JSON with positions → a definition, or problems that point at
 * a line and column. Every command, the local server and the builder come through here.
 */
export function loadDefinition(input: Uint8Array | string): LoadedDefinition {
  const parsed = parseJson(input);
  if (!parsed.ok) return parsed;
  const { value, doc } = parsed.value;
  const checked = definitionFromValue(value);
  if (!checked.ok) return { ...fail(withPositions(checked.problems, doc)), doc, raw: value };
  return { ...checked, doc, raw: value };
}

/** Load a definition from text: a definition, or problems that point at a line and column. */
export function loadDefinitionText(text: string): LoadedDefinition {
  return loadDefinition(text);
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
