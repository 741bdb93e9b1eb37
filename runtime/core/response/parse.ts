import { fail, ok, type Problem, type Result } from '../problems/problem';
import { problemsFromZod } from '../problems/from-zod';
import { parseJsonText, withPositions } from '../definition/load';
import { limits } from '../safety/limits';
import { contentHash } from '../definition/hash';
import { responseEnvelopeSchema, type ResponseEnvelope } from './envelope';
import { checkResponseAgainst, type FormIdentity } from './check';

/** Keys that make a file an envelope rather than bare answers. */
const ENVELOPE_KEYS = ['responseId', 'form', 'answers'] as const;

export interface ParseResponseOptions {
  /** The file's name, recorded in each problem's `params.file` so every view can name it. */
  file?: string;
  /**
   * The form a bare-answers file belongs to, and the hash to record for it. Without it a file
   * of bare answers is refused (`response-invalid`), since it says nothing about its form.
   */
  definition?: FormIdentity;
  sha256?: string;
  /** Identity for a bare-answers file (default: the file name without `.json`). */
  responseId?: string;
  /** Time stamps for a bare-answers file. */
  now?: Date;
}

/**
 * A response file: an envelope, or bare answers (`{ "<key>": <answer>, … }`) wrapped into a
 * completed envelope. Size and depth are checked before parsing; `__proto__`, `constructor` and
 * `prototype` keys are refused. Problems carry a JSON pointer, line and column, and `params.file`.
 */
export function parseResponseText(text: string, options: ParseResponseOptions = {}): Result<ResponseEnvelope> {
  const parsed = parseJsonText(text, limits.responseBytes);
  if (!parsed.ok) return fail(named(parsed.problems, options.file));
  const { value, doc } = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(named([invalid('', 'A response file must be a JSON object: an envelope or bare answers.')], options.file));
  }
  const looksLikeEnvelope = ENVELOPE_KEYS.some((k) => Object.prototype.hasOwnProperty.call(value, k));
  if (looksLikeEnvelope) {
    const checked = responseEnvelopeSchema.safeParse(value);
    if (!checked.success) return fail(named(withPositions(problemsFromZod(checked.error, 'response-invalid', 'response'), doc), options.file));
    return ok(checked.data);
  }
  if (!options.definition) {
    return fail(named([invalid('', 'Bare answers need the form they belong to.')], options.file));
  }
  const now = (options.now ?? new Date()).toISOString();
  const responseId = options.responseId ?? baseName(options.file) ?? 'response';
  return ok({
    responseId,
    form: { id: options.definition.id, version: options.definition.version, sha256: options.sha256 ?? contentHash(options.definition) },
    status: 'completed',
    startedAt: now,
    updatedAt: now,
    completedAt: now,
    answers: value as Record<string, unknown>,
    meta: { bareAnswers: true },
  });
}

/**
 * Parse a response file and check it was made against `definition` (id, version, hash).
 * Bare answers take the definition's identity and are not hash-checked (they carry none).
 */
export function loadResponseFor(
  text: string,
  definition: FormIdentity,
  options: ParseResponseOptions & { sha256?: string; acceptedHashes?: readonly string[] } = {},
): Result<ResponseEnvelope> {
  const sha256 = options.sha256 ?? options.acceptedHashes?.[0];
  const parsed = parseResponseText(text, { ...options, definition, ...(sha256 ? { sha256 } : {}) });
  if (!parsed.ok) return parsed;
  if (parsed.value.meta?.bareAnswers === true) return parsed;
  const accepted = options.acceptedHashes ?? (options.sha256 ? [options.sha256] : undefined);
  const problems = checkResponseAgainst(definition, parsed.value, accepted ? { sha256: accepted } : {});
  if (problems.length) return fail(named(withPositionsFromText(problems, text), options.file));
  return parsed;
}

function withPositionsFromText(problems: Problem[], text: string): Problem[] {
  const parsed = parseJsonText(text, limits.responseBytes);
  return parsed.ok ? withPositions(problems, parsed.value.doc) : problems;
}

function invalid(path: string, message: string): Problem {
  return { code: 'response-invalid', severity: 'error', message, path, source: 'response' };
}

function named(problems: Problem[], file: string | undefined): Problem[] {
  return file === undefined ? problems : problems.map((p) => ({ ...p, params: { ...(p.params ?? {}), file } }));
}

function baseName(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.json$/i, '') || undefined;
}
