import { fail, ok, type Problem, type Result } from '../problems/problem';
import { problemsFromZod } from '../problems/from-zod';
import { parseJsonText, withPositions } from '../definition/load';
import { limits } from '../safety/limits';
import { responseEnvelopeSchema, type ResponseEnvelope } from './envelope';
import { checkResponseAgainst, type FormIdentity } from './check';

/** Keys that make a file an envelope rather than bare answers. */
const ENVELOPE_KEYS = ['responseId', 'form', 'answers'] as const;

export interface ParseResponseOptions {
  /** The file's name, recorded in each problem's `params.file` so every view can name it. */
  file?: string;
}

/**
 * A response file: a response envelope. Anything else (bare answers, an `expected.json`, a report)
 * is refused as `response-not-envelope`: a file of answers says nothing of its form, its status or
 * when it was answered, and exporting it once meant inventing all three. Size and depth are checked
 * before parsing; `__proto__`, `constructor` and `prototype` keys are refused. Problems carry a JSON
 * pointer, line and column, and `params.file`.
 */
export function parseResponseText(text: string, options: ParseResponseOptions = {}): Result<ResponseEnvelope> {
  const parsed = parseJsonText(text, limits.responseBytes);
  if (!parsed.ok) return fail(named(parsed.problems, options.file));
  const { value, doc } = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !ENVELOPE_KEYS.some((k) => Object.hasOwn(value, k))) {
    return fail(named([notEnvelope()], options.file));
  }
  const checked = responseEnvelopeSchema.safeParse(value);
  if (!checked.success) return fail(named(withPositions(problemsFromZod(checked.error, 'response-invalid', 'response'), doc), options.file));
  return ok(checked.data);
}

/** The problem of a file given where a response envelope belongs that is not one. */
export function notEnvelope(): Problem {
  return {
    code: 'response-not-envelope',
    severity: 'error',
    message: 'This file is not a response envelope (responseId, form, status, times and answers): it is left out. Bare answers can be checked with `validate`.',
    path: '',
    source: 'response',
  };
}

/**
 * Parse a response file and check it was made against `definition` (id, version, hash).
 */
export function loadResponseFor(
  text: string,
  definition: FormIdentity,
  options: ParseResponseOptions & { sha256?: string; acceptedHashes?: readonly string[] } = {},
): Result<ResponseEnvelope> {
  const parsed = parseResponseText(text, options);
  if (!parsed.ok) return parsed;
  const accepted = options.acceptedHashes ?? (options.sha256 ? [options.sha256] : undefined);
  const problems = checkResponseAgainst(definition, parsed.value, accepted ? { sha256: accepted } : {});
  if (problems.length) return fail(named(withPositionsFromText(problems, text), options.file));
  return parsed;
}

function withPositionsFromText(problems: Problem[], text: string): Problem[] {
  const parsed = parseJsonText(text, limits.responseBytes);
  return parsed.ok ? withPositions(problems, parsed.value.doc) : problems;
}

function named(problems: Problem[], file: string | undefined): Problem[] {
  return file === undefined ? problems : problems.map((p) => ({ ...p, params: { ...(p.params ?? {}), file } }));
}
