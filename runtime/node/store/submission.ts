import {
  checkResponseAgainst, contentHash, limits, parseJsonText, problemsFromZod, responseEnvelopeSchema, tryCompileValidator, validateResponse,
  type Definition, type Problem, type ResponseEnvelope,
} from '../../core/index';

export type Checked = { ok: true; response: ResponseEnvelope } | { ok: false; problems: Problem[] };

/**
 * The first half of the check (`parseSubmission`): a response submitted to the store, checked as `validate` checks a response file: one JSON
 * reader with core's limits, the envelope schema, the form it was made against (id, version and
 * the published hash), then the version's validator over the answers, so an answer to a hidden
 * question is `answer-hidden` here as on the command line. A draft (`in-progress`) may still lack
 * required answers; anything else wrong with it is refused. Problems point into the envelope.
 */
export function parseSubmission(text: string): Checked {
  const parsed = parseJsonText(text, limits.responseBytes);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const envelope = responseEnvelopeSchema.safeParse(parsed.value.value);
  if (!envelope.success) return { ok: false, problems: problemsFromZod(envelope.error, 'response-invalid', 'response') };
  return { ok: true, response: envelope.data };
}

/** The second half: the parsed envelope against the published version it names. */
export function checkSubmission(response: ResponseEnvelope, definition: Definition, publishedHash: string): Checked {
  // The file's hash is what published.json records; the parsed envelope's is accepted too, for
  // runtimes that hash what they loaded (as export does).
  const mismatch = checkResponseAgainst(definition, response, { sha256: [publishedHash, contentHash(definition)] });
  if (mismatch.length) return { ok: false, problems: mismatch };
  const compiled = tryCompileValidator(definition);
  if (!compiled.ok) return { ok: false, problems: compiled.problems };
  const problems = validateResponse(definition, response.answers, { validator: compiled.value })
    .filter((p) => p.severity === 'error' && !(response.status === 'in-progress' && p.code === 'answer-required'))
    .map((p) => ({ ...p, path: `/answers${p.path}` }));
  return problems.length ? { ok: false, problems } : { ok: true, response };
}
