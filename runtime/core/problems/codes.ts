import type { Severity } from './problem';

/**
 * Every problem code the product emits, with its default severity (here) and a one-line doc
 * (`problemDocs`, below: the type makes it name every code). Data, not prose: messages are built
 * where the problem is found, from `params`. Codes are stable: tests, CI output and docs refer to
 * them. Add, never rename. Two tables, so the severities can load before an embed's first render
 * (lint's render rules make problems) without a hundred lines of docs (about 4 KB gzip).
 */
export interface ProblemCodeInfo {
  severity: Severity;
  doc: string;
}

export const problemSeverities = {
  // reading a file
  'file-unreadable': 'error',
  'file-empty': 'error',
  'json-syntax': 'error',
  'encoding-bom': 'error',
  'encoding-utf16': 'error',
  'encoding-invalid': 'error',
  'key-duplicate': 'error',

  // limits checked before anything else sees the input (safety/limits.ts)
  'too-large': 'error',
  'too-deep': 'error',
  'too-many-questions': 'error',
  'too-many-options': 'error',
  'label-too-long': 'error',
  'answer-too-long': 'error',
  'value-unrepresentable': 'error',
  'definition-unchecked': 'error',
  'too-many-items': 'error',
  'forbidden-key': 'error',
  'string-lone-surrogate': 'error',
  'number-not-finite': 'error',
  'number-unsafe-integer': 'error',
  'value-not-json': 'error',

  // references and patterns
  'ref-remote': 'error',
  'ref-unresolved': 'error',
  'ref-cycle': 'error',
  'pattern-invalid': 'error',
  'pattern-unsafe': 'error',
  'id-invalid': 'error',

  // the envelope and its file
  'envelope-invalid': 'error',
  'id-mismatch': 'error',
  'version-mismatch': 'error',
  'hash-mismatch': 'error',
  'hash-unrecorded': 'error',
  'envelope-format-unknown': 'error',
  'published-record-invalid': 'error',
  'change-note-missing': 'error',
  'publish-refused': 'error',
  'lint-rule-crashed': 'error',

  // lint: schema and UI schema
  'schema-invalid': 'error',
  'uischema-invalid': 'error',
  'scope-unresolved': 'error',
  'question-not-shown': 'error',
  'code-missing': 'error',
  'code-malformed': 'error',
  'code-duplicate': 'error',
  'code-reused': 'error',
  'code-dropped': 'error',
  'extension-unknown': 'error',
  'extension-invalid': 'error',
  'sensitive-ungated': 'error',
  // lint: sensitivity levels (issue 18)
  'sensitivity-unknown': 'error',
  'sensitivity-level-invalid': 'error',
  'gate-invalid': 'error',
  'rule-shows-unanswered': 'warning',
  'rule-invalid': 'error',
  'computed-invalid': 'error',
  'version-bump-too-small': 'error',
  // lint: options, labels and empty forms (issue 17)
  'option-code-duplicate': 'error',
  'option-label-duplicate': 'warning',
  'option-reads-exclusive': 'warning',
  'label-empty': 'error',
  'form-empty': 'error',
  'control-object': 'error',

  // lint: keys and text a person can trust (Unicode UTS #39 as the reference)
  'key-characters': 'warning',
  'key-invisible': 'error',
  'key-markup': 'error',
  'key-lookalike': 'error',
  'text-control': 'error',
  'text-invisible': 'warning',
  'text-lookalike': 'warning',

  // lint: questions no one can answer, and misspelt keywords
  'options-empty': 'error',
  'bounds-crossed': 'error',
  'required-false': 'error',
  'keyword-misspelt': 'error',

  // validating answers
  'answer-required': 'error',
  'answer-type': 'error',
  'answer-format': 'error',
  'answer-option': 'error',
  'answer-range': 'error',
  'answer-length': 'error',
  'answer-pattern': 'error',
  'answer-items': 'error',
  'answer-hidden': 'error',
  'answer-unknown': 'error',
  'answer-computed': 'error',
  'answer-invalid': 'error',
  'validator-unsupported': 'error',

  // responses
  'response-invalid': 'error',
  'response-not-envelope': 'error',
  'response-form-mismatch': 'error',
  // the response store (issue 20)
  'response-id-conflict': 'error',
  'response-not-found': 'error',
  'response-reason-required': 'error',
  'response-unchanged': 'error',
  'response-query-invalid': 'error',
  'response-form-unpublished': 'error',

  // versions and migration
  'migration-not-carried': 'warning',
  'migration-now-required': 'warning',
  'migration-reopened': 'warning',
} as const satisfies Record<string, Severity>;

export type ProblemCode = keyof typeof problemSeverities;

/** What each code means, for the docs, the CLI and tests. */
export const problemDocs: Record<ProblemCode, string> = {
  // reading a file
  'file-unreadable': 'The file could not be read.',
  'file-empty': 'The file is empty.',
  'json-syntax': 'The text is not valid JSON.',
  'encoding-bom': 'The file starts with a byte-order mark (U+FEFF); save it as UTF-8 without one. Refused by every command alike, so the bytes on disk are exactly what is hashed, served and edited.',
  'encoding-utf16': 'The file is UTF-16 or UTF-32 (by its byte-order mark, or the NUL bytes of its first character), not UTF-8.',
  'encoding-invalid': 'The file is not valid UTF-8; the problem names the byte offset of the first bad byte.',
  'key-duplicate': 'A key is written twice in one object (JSON.parse would silently keep the last); reported at the second, naming both lines.',

  // limits checked before anything else sees the input (safety/limits.ts)
  'too-large': 'The input is larger than the documented size limit.',
  'too-deep': 'The input is nested deeper than the documented limit.',
  'too-many-questions': 'The form has more questions than the documented limit.',
  'too-many-options': 'A question has more options than the documented limit.',
  'label-too-long': 'A title, description or label is longer than the documented limit.',
  'answer-too-long': 'An answer is longer than the documented limit.',
  'value-unrepresentable': 'A definition object given to a browser surface holds a value canonical JSON cannot represent (a lone surrogate, a non-finite number), so it cannot be hashed.',
  'definition-unchecked': 'An embedded form could not load the rest of its definition check (lint, run after the first paint), so it is refused rather than used unchecked.',
  'too-many-items': 'A list in the answers given to a form (a host\'s answers, a draft) has more items than the limit of 1,000.',
  'forbidden-key': 'A `__proto__`, `constructor` or `prototype` key, which could pollute prototypes.',
  'string-lone-surrogate': 'A key or text holds half of a UTF-16 surrogate pair (e.g. `\\ud800`): it has no UTF-8 form, so it cannot be saved or hashed.',
  'number-not-finite': 'A number too large for a double (a literal such as `1e400`), or Infinity / NaN in a value: JSON and the content hash have no form for it.',
  'number-unsafe-integer': 'An integer literal beyond 2^53 - 1, which every JSON reader here would round to another number; write it as a string or a smaller number.',
  'value-not-json': 'A value passed as an object that JSON has no form for (a bigint, function or symbol).',

  // references and patterns
  'ref-remote': 'A `$ref` points outside the definition; remote references are never fetched.',
  'ref-unresolved': 'A local `$ref` points at nothing.',
  'ref-cycle': 'A `$ref` leads back to itself without consuming data.',
  'pattern-invalid': 'A `pattern` is not a valid regular expression.',
  'pattern-unsafe': 'A `pattern` uses features that cannot run on the linear-time engine (backreferences, lookaround, inline modifiers) or is too large for it (over 300 states, e.g. a group repeated hundreds of times).',
  'id-invalid': 'An `$id` or anchor of an unusual shape (nested, relative, not a plain URI); refused before AJV.',

  // the envelope and its file
  'envelope-invalid': 'The definition envelope does not match the envelope schema.',
  'id-mismatch': 'The definition `id` differs from the name of its folder.',
  'version-mismatch': 'The definition `version` differs from its file name.',
  'hash-mismatch': 'A published definition no longer matches the hash recorded when it was published.',
  'hash-unrecorded': 'A published definition has no recorded hash.',
  'envelope-format-unknown': 'The envelope format version is newer than this program knows.',
  'published-record-invalid': '`form-definitions/published.json` is not an object of "<id>/<version>": "<sha256 hex>".',
  'change-note-missing': 'A version is being published without a change note: its `changelog` has no entry for it, or the entry\'s `summary` is empty or the placeholder "Describe what changed and why." (checked by every publish, not by lint).',
  'publish-refused': 'A definition cannot be published: it is outside `form-definitions/<id>/`, or has lint errors.',
  'lint-rule-crashed': 'A lint rule failed unexpectedly on this definition (a bug in the rule; the other rules still ran).',

  // lint: schema and UI schema
  'schema-invalid': 'The `schema` is not a valid JSON Schema draft 2020-12.',
  'uischema-invalid': 'The `uischema` is not a valid JSON Forms UI schema.',
  'scope-unresolved': 'A UI scope points at no property of the schema.',
  'question-not-shown': 'A question is shown by no UI element.',
  'code-missing': 'A question has no export code (`x-code`).',
  'code-malformed': 'An export code does not match `^[a-z][a-z0-9_]{1,63}$`.',
  'code-duplicate': 'Two questions share one export code.',
  'code-reused': 'An export code of an earlier version is used with another meaning.',
  'code-dropped': 'An export code of the previous version is neither kept nor retired.',
  'extension-unknown': 'An `x-` keyword the product does not know.',
  'extension-invalid': 'A known `x-` keyword has a value of the wrong shape.',
  'sensitive-ungated': 'A sensitive question can be reached without passing the safety check.',
  // lint: sensitivity levels (issue 18)
  'sensitivity-unknown': 'An `x-sensitivity` names a level that is neither built in (personal, sensitive, special-category, safe-address) nor declared in the form\'s `sensitivityLevels`; until fixed it is treated as the strictest level.',
  'sensitivity-level-invalid': 'A level declared in `sensitivityLevels` has a name that is not kebab-case, redefines a built-in level, names an unknown export profile, or gives an action other than keep, mask or drop (or `drafts` other than keep or never).',
  'gate-invalid': 'The safety check named by `safety.gate` is not a yes/no question (a boolean, or a single choice naming its yes and no codes in `x-yes-no`).',
  'rule-shows-unanswered': 'A show-when lets its element show before the question it reads is answered (a condition without `failWhenUndefined`).',
  'rule-invalid': 'A UI rule condition uses something the rule engine cannot evaluate.',
  'computed-invalid': 'A computed value refers to questions that do not exist, to computed values (a cycle), to unscored options, or has bands out of order, with gaps, overlaps or repeated codes, or is of the wrong type; `params.reason` says which.',
  'version-bump-too-small': 'The version number rose by less than the changes since the previous version require.',
  // lint: options, labels and empty forms (issue 17)
  'option-code-duplicate': 'Two options of one question share a code, so choosing either records the same answer.',
  'option-label-duplicate': 'Two options of one question are worded alike (ignoring case and spacing).',
  'option-reads-exclusive': 'An option of a multiple choice worded to rule out the others ("No one else") can be ticked with them.',
  'label-empty': 'A shown question, or one of its options, has an empty or blank label.',
  'form-empty': 'The form has no questions.',
  'control-object': 'A control is scoped to a whole object (a group of answers), which it cannot show; the object\'s questions need controls scoped into it.',

  // lint: keys and text a person can trust (Unicode UTS #39 as the reference)
  'key-characters': 'A property name has characters outside A–Z, a–z, 0–9, `_` and `-` (JSON Forms splits paths on `.`, pointers escape `/` and `~`, hosts key on names).',
  'key-invisible': 'A property name or option value holds an invisible, control or bidirectional-control character, so two different names look the same.',
  'key-markup': 'A property name holds markup or quoting characters (`<`, `>`, `&`, quotes, backtick).',
  'key-lookalike': 'A property name or option value mixes Latin letters with look-alike letters of another script (a Cyrillic `а` in `visitDate`).',
  'text-control': 'A title, description, label, option title or translation holds a control character (NUL…) or a bidirectional embedding/override (U+202A–202E).',
  'text-invisible': 'Shown text holds an invisible character (zero-width, format) or a bidirectional mark or isolate where its script does not need one.',
  'text-lookalike': 'A word of shown text mixes Latin letters with look-alike letters of another script.',

  // lint: questions no one can answer, and misspelt keywords
  'options-empty': 'An `enum`, `oneOf` or `anyOf` with no entry: no answer can be given.',
  'bounds-crossed': 'A lower bound above its upper bound (`minimum`/`maximum` and their exclusive forms, `minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`): no answer can be given.',
  'required-false': 'A required question whose schema is `false`: it must be answered and no answer is allowed.',
  'keyword-misspelt': 'An unknown keyword close to a known one (`requird`, `maxLenght`, `titel`); the nearest known keyword is suggested. The validator\'s strict mode refuses it as it stands.',

  // validating answers
  'answer-required': 'A required question has no answer.',
  'answer-type': 'An answer has the wrong type.',
  'answer-format': 'An answer is not in the expected format (date, time, email…).',
  'answer-option': 'An answer is not one of the options.',
  'answer-range': 'A number is below the minimum or above the maximum.',
  'answer-length': 'A text answer is too short or too long.',
  'answer-pattern': 'A text answer does not match the expected pattern.',
  'answer-items': 'Too few or too many items chosen or added.',
  'answer-hidden': 'An answer to a question hidden by a rule or the safety check (never shown, so never part of a response).',
  'answer-unknown': 'An answer to a question the form does not have.',
  'answer-computed': 'A stored computed value (a count, sum, score total, band or count over items) differs from what the answers give.',
  'answer-invalid': 'An answer breaks a rule of the schema not covered by a more specific code.',
  'validator-unsupported': 'The schema uses something the validator cannot compile.',

  // responses
  'response-invalid': 'The response envelope does not match the response schema.',
  'response-not-envelope': 'A file given to `export` or `migrate` (or found in a folder given) is not a response envelope: bare answers, an expected-problems list, a report. It is listed and left out; nothing is invented for it.',
  'response-form-mismatch': 'The response was made against another form, version or content hash.',
  // the response store (issue 20)
  'response-id-conflict': 'Another response is already stored under this `responseId` (a retry of the same body is answered with the stored copy instead).',
  'response-not-found': 'No response is stored under this `responseId`.',
  'response-reason-required': 'A completed response is corrected, or reopened, only with a reason, which its history records.',
  'response-unchanged': 'The correction or status change would leave the stored response as it is, so no version is made.',
  'response-query-invalid': 'A filter or export parameter of the stored responses (`form`, `version`, `status`, `from`, `to`, `format`, `profile`) is not one the server knows; reported at `/<parameter>`, nothing guessed.',
  'response-form-unpublished': 'The store takes responses only to a published version whose file still has its recorded hash.',

  // versions and migration
  'migration-not-carried': 'An answer could not be carried to the new version; it is kept in the report.',
  'migration-now-required': 'The new version requires a question the response has not answered.',
  'migration-reopened': 'A completed response was migrated to a version that requires answers it lacks, so it is in progress again.',
};


/** Both tables as one, code by code (tests and tools read it; nothing that loads at start does). */
export const problemCodes: Record<ProblemCode, ProblemCodeInfo> = /* @__PURE__ */ bothTables();

function bothTables(): Record<ProblemCode, ProblemCodeInfo> {
  const out = {} as Record<ProblemCode, ProblemCodeInfo>;
  for (const code of Object.keys(problemSeverities) as ProblemCode[]) out[code] = { severity: problemSeverities[code], doc: problemDocs[code] };
  return out;
}

export function severityOf(code: ProblemCode): Severity {
  return problemSeverities[code];
}
